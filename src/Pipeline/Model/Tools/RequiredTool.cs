
namespace Pipeline;

/// <summary>
/// A program a target runs, declared with <c>.Requires(RequiredTool.Go)</c>: before any target
/// starts, the engine checks that every planned target's tools are on <c>PATH</c> and, when one is
/// not, stops with exit code 2 and how to install it. <c>--plan</c> shows each with its version.
/// </summary>
/// <param name="Executable">The name looked up on <c>PATH</c> (<c>go</c>, <c>docker</c>), or a path.</param>
/// <param name="InstallHint">How to get it, one line: where to download it, or the package to install.</param>
public sealed record RequiredTool(string Executable, string InstallHint)
{
    /// <summary>What prints its version (<c>go version</c>, <c>docker --version</c>).</summary>
    public IReadOnlyList<string> VersionArguments { get; init; } = ["--version"];

    /// <summary>
    /// Where else it may be when <see cref="Executable"/> is not on <c>PATH</c>, tried in order: another
    /// name looked up on <c>PATH</c>, in which <c>*</c> stands for any text (<c>llvm-profdata-*</c> finds
    /// Debian's versioned <c>llvm-profdata-22</c>; the highest version when there are several), or a path
    /// from the home folder (<c>~/</c>) or the file system's root, in which a <c>*</c> stands for any one
    /// folder (<c>~/.rustup/toolchains/*/lib/rustlib/*/bin/llvm-profdata</c>).
    /// </summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    public static RequiredTool DotNet { get; } = new("dotnet", "install the .NET SDK that global.json names: https://dotnet.microsoft.com/download");

    public static RequiredTool Go { get; } =
        new("go", "install Go: https://go.dev/dl (Debian/Ubuntu: apt-get install golang-go)") { VersionArguments = ["version"] };

    public static RequiredTool GoFormat { get; } = new("gofmt", "gofmt comes with Go: https://go.dev/dl (Debian/Ubuntu: apt-get install golang-go)") { VersionArguments = ["-l", "/dev/null"] };

    public static RequiredTool Cargo { get; } = new("cargo", "install Rust with rustup: https://rustup.rs");

    public static RequiredTool Node { get; } = new("node", "install Node.js: https://nodejs.org/en/download (Debian/Ubuntu: apt-get install nodejs)");

    public static RequiredTool Docker { get; } =
        new("docker", "install Docker Engine and start it: https://docs.docker.com/engine/install (Debian/Ubuntu: apt-get install docker.io)");

    public static RequiredTool Git { get; } = new("git", "install git: https://git-scm.com/downloads (Debian/Ubuntu: apt-get install git)");

    public static RequiredTool Aws { get; } = new("aws", "install the AWS CLI v2: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html");

    public static RequiredTool GolangCiLint { get; } =
        new("golangci-lint", "install golangci-lint: https://golangci-lint.run/welcome/install/");

    /// <summary>
    /// The full path it starts from: <see cref="Executable"/> on <c>PATH</c>, else the first of the
    /// <see cref="Alternatives"/> that is there; null when none is. <c>PATH</c> and <c>HOME</c> come
    /// from <paramref name="variables"/> when it has them (a run's variables), else from this process.
    /// </summary>
    public string? Find(IReadOnlyDictionary<string, string> variables) => ExecutableSearch.Find(this, variables);

    public override string ToString() => Executable;
}
