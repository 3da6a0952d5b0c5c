using Pipeline.Components.Coverage;

namespace Pipeline.Components.Tests.Coverage;

/// <summary>What a test's Coverage target measures and requires.</summary>
public sealed record CoverageSettings(Percentage Threshold, params IReadOnlyList<ICoverageSource> Sources);

/// <summary>A user's Coverage target with the settings from the test.</summary>
public sealed class Coverage(CoverageSettings settings) : CoverageTarget
{
    protected override IEnumerable<ICoverageSource> Sources => settings.Sources;

    protected override Percentage Threshold => settings.Threshold;
}

internal static class CoveragePipeline
{
    public static PipelineBuilder With(Percentage threshold, params ICoverageSource[] sources) =>
        new PipelineBuilder().Provide(new CoverageSettings(threshold, sources)).Add<Coverage>();

    /// <summary>A root as a user's repository has it: the tool manifest that pins ReportGenerator.</summary>
    public static void AddToolManifest(TempRoot root)
    {
        Directory.CreateDirectory(root.Path / ".config");
        File.Copy(WorkflowLint.RepositoryRoot / ".config" / "dotnet-tools.json", root.Path / ".config" / "dotnet-tools.json");
    }
}
