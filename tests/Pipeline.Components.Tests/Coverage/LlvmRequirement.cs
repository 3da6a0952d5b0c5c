using Pipeline.Components.Coverage;

namespace Pipeline.Components.Tests.Coverage;

/// <summary>Rust coverage needs cargo and LLVM tools of rustc's LLVM: skipped without them on a laptop, failed under CI=true (.ci/install installs both).</summary>
internal static class LlvmRequirement
{
    public static void CargoAndLlvmTools()
    {
        Requirements.Tool("cargo");
        if (LlvmTools.Profdata.Find(new Dictionary<string, string>()) is null || LlvmTools.Cov.Find(new Dictionary<string, string>()) is null)
        {
            Requirements.Unavailable($"llvm-profdata and llvm-cov are not installed ({LlvmTools.InstallHint}; .ci/install/45-llvm.sh does)");
        }
    }
}
