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

    public override string ToString() => Executable;
}
