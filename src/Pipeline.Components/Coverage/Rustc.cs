using System.Text.RegularExpressions;

namespace Pipeline.Components.Coverage;

/// <summary>The rustc a workspace builds with (its <c>rust-toolchain</c> file applies): its release, its LLVM and its target library folder.</summary>
/// <param name="Release">As <c>rustc -vV</c> names it: <c>1.95.0</c>.</param>
/// <param name="LlvmVersion">The LLVM it was built with: <c>22.1.2</c>.</param>
/// <param name="TargetLibDirectory"><c>&lt;sysroot&gt;/lib/rustlib/&lt;host&gt;/lib</c>; rustup's llvm-tools are in the <c>bin</c> beside it.</param>
internal sealed partial record Rustc(string Release, string LlvmVersion, AbsolutePath TargetLibDirectory)
{
    private static readonly Tool Program = new("rustc");

    /// <summary>The major version of its LLVM, which names Debian's versioned tools (<c>llvm-profdata-22</c>).</summary>
    public string LlvmMajor => LlvmVersion.Split('.')[0];

    public override string ToString() => $"rustc {Release} (LLVM {LlvmVersion})";

    public static async Task<Rustc> ReadAsync(TargetContext context, AbsolutePath workspace)
    {
        var verbose = await context.RunAsync(Program.Command("-vV").WithWorkingDirectory(workspace).WithQuietOutput().WithoutEcho());
        var libDirectory = await context.RunAsync(Program.Command("--print", "target-libdir").WithWorkingDirectory(workspace).WithQuietOutput().WithoutEcho());
        return Parse(verbose.StandardOutput, libDirectory.StandardOutput.FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "");
    }

    /// <param name="verboseVersion">The lines of <c>rustc -vV</c>.</param>
    /// <param name="targetLibDirectory">What <c>rustc --print target-libdir</c> printed.</param>
    internal static Rustc Parse(IEnumerable<string> verboseVersion, string targetLibDirectory)
    {
        var lines = verboseVersion.ToList();
        string Field(string name) =>
            lines.Select(l => FieldLine().Match(l)).FirstOrDefault(m => m.Success && m.Groups["name"].Value == name)?.Groups["value"].Value.Trim()
            ?? throw new TargetFailedException($"`rustc -vV` printed no '{name}:' line; is rustc installed (rustup.rs)?");
        if (targetLibDirectory.Length == 0)
        {
            throw new TargetFailedException("`rustc --print target-libdir` printed nothing.");
        }

        return new Rustc(Field("release"), Field("LLVM version"), new AbsolutePath(targetLibDirectory));
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z ]+):\s*(?<value>.+)$")]
    private static partial Regex FieldLine();
}
