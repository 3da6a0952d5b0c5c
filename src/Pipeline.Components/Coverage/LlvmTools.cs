using System.Text.RegularExpressions;

namespace Pipeline.Components.Coverage;

/// <summary>
/// llvm-profdata and llvm-cov for Rust coverage. They must be of the LLVM rustc uses: a raw profile
/// written by one LLVM is rejected by another's llvm-profdata. At run time they are found in this
/// order, and the log says which and why:
/// <list type="number">
/// <item>rustup's llvm-tools of the workspace's toolchain (<c>rustc --print target-libdir</c>, then <c>../bin</c>): rustc's own LLVM;</item>
/// <item><c>llvm-profdata-N</c> and <c>llvm-cov-N</c> on PATH for rustc's LLVM N (Debian's and Ubuntu's <c>llvm-N</c> package);</item>
/// <item><c>llvm-profdata</c> and <c>llvm-cov</c> on PATH (or any versioned one), whatever their LLVM: a mismatch fails in one line naming both versions.</item>
/// </list>
/// Before any target starts, the preflight accepts any of those places (it runs no rustc).
/// </summary>
internal static partial class LlvmTools
{
    /// <summary>How to install them, for the preflight and the failures.</summary>
    public const string InstallHint =
        "install the LLVM tools of rustc's LLVM (`rustc -vV` names it): rustup component add llvm-tools, " +
        "or on Debian/Ubuntu apt-get install llvm-22 for LLVM 22 (llvm-N for LLVM N)";

    public static RequiredTool Profdata { get; } = Required("llvm-profdata");

    public static RequiredTool Cov { get; } = Required("llvm-cov");

    /// <summary>In CI the job adds rustup's llvm-tools to the runner's toolchain: rustc's own LLVM, found first.</summary>
    public static CiStep RustupComponent { get; } = CiStep.Command("Add rustup's llvm-tools (llvm-profdata, llvm-cov)", "rustup component add llvm-tools");

    private static RequiredTool Required(string name) =>
        new(name, InstallHint) { Alternatives = [$"~/.rustup/toolchains/*/lib/rustlib/*/bin/{name}", $"{name}-*"] };

    /// <summary>The pair that reads what <paramref name="rustc"/> writes (see the order above).</summary>
    public static LlvmToolPair Find(Rustc rustc, IReadOnlyDictionary<string, string> variables)
    {
        var rustup = rustc.TargetLibDirectory.Parent is { } sysrootTarget ? sysrootTarget / "bin" : null;
        if (rustup is not null && Executable(rustup, "llvm-profdata") is { } rustupProfdata && Executable(rustup, "llvm-cov") is { } rustupCov)
        {
            return new(rustupProfdata, rustupCov, $"rustup's llvm-tools of {rustc}");
        }

        var major = rustc.LlvmMajor;
        if (OnPath($"llvm-profdata-{major}", variables) is { } profdata && OnPath($"llvm-cov-{major}", variables) is { } cov)
        {
            return new(profdata, cov, $"the versioned tools of LLVM {major} on PATH, for {rustc}; rustup's llvm-tools are not installed");
        }

        if (Profdata.Find(variables) is { } anyProfdata && Cov.Find(variables) is { } anyCov)
        {
            return new(anyProfdata, anyCov, $"found on PATH, of an LLVM that may not be {rustc}'s");
        }

        throw new TargetFailedException($"llvm-profdata and llvm-cov of LLVM {major} are not installed: {InstallHint}.");
    }

    /// <summary>
    /// One line for an LLVM tool that refused what rustc wrote: both versions, the tool's reason, the remedy.
    /// </summary>
    /// <param name="toolVersionOutput">What <c>&lt;tool&gt; --version</c> printed.</param>
    /// <param name="toolErrors">The tool's standard error.</param>
    public static TargetFailedException Rejected(string tool, IEnumerable<string> toolVersionOutput, Rustc rustc, IEnumerable<string> toolErrors)
    {
        var version = toolVersionOutput.Select(l => Version().Match(l)).FirstOrDefault(m => m.Success)?.Groups["version"].Value ?? "unknown";
        var reason = toolErrors.Select(l => Diagnostic().Match(l.Trim())).FirstOrDefault(m => m.Success)?.Groups["reason"].Value.Trim()
            ?? "it exited with an error";
        return new TargetFailedException(
            $"{tool} (LLVM {version}) cannot read what {rustc} wrote: {reason}. It must be of rustc's LLVM {rustc.LlvmMajor}: " +
            $"rustup component add llvm-tools (rustc's own), or apt-get install llvm-{rustc.LlvmMajor}.");
    }

    private static string? OnPath(string name, IReadOnlyDictionary<string, string> variables) => new RequiredTool(name, InstallHint).Find(variables);

    private static AbsolutePath? Executable(AbsolutePath folder, string name)
    {
        var file = folder / (OperatingSystem.IsWindows() ? name + ".exe" : name);
        return File.Exists(file) ? file : null;
    }

    // "Debian LLVM version 22.1.8", "  LLVM version 22.1.2-rust-1.95.0-stable"
    [GeneratedRegex(@"LLVM version (?<version>\d[^\s]*)")]
    private static partial Regex Version();

    // "warning: /x/1-2.profraw: raw profile version mismatch: …", "error: Failed to load coverage: …"
    [GeneratedRegex(@"^(?:warning|error): (?:\S+\.prof(?:raw|data): )?(?<reason>.+)$")]
    private static partial Regex Diagnostic();
}

/// <summary>The llvm-profdata and llvm-cov a Rust coverage run uses, and why those (logged).</summary>
internal sealed record LlvmToolPair(string Profdata, string Cov, string Why);
