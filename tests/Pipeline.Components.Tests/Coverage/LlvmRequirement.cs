using Pipeline.Components.Coverage;

namespace Pipeline.Components.Tests.Coverage;

/// <summary>Rust coverage needs cargo and LLVM tools: skipped without them on a laptop, failed under CI=true (.ci/install installs both).</summary>
internal static class LlvmRequirement
{
    public static void CargoAndLlvmTools()
    {
        Requirements.Tool("cargo");
        if (new RustCoverage(".").Tools.FirstOrDefault(t => t.Find(new Dictionary<string, string>()) is null) is { } llvm)
        {
            Requirements.Unavailable($"{llvm.Executable} is not installed ({llvm.InstallHint}; .ci/install/45-llvm.sh does)");
        }
    }
}
