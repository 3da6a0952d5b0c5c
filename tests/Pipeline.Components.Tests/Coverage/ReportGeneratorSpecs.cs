using Pipeline.Components.Coverage;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Coverage;

public sealed class ReportGeneratorSpecs
{
    [Fact]
    public void A_sample_inside_a_repository_uses_the_repository_tool_manifest()
    {
        using var repository = new TempRoot();
        CoveragePipeline.AddToolManifest(repository);
        var sample = repository.Path / "samples" / "tickets";
        Directory.CreateDirectory(sample);

        Assert.Equal(repository.Path / ".config" / "dotnet-tools.json", ReportGenerator.FindManifest(sample));
        Assert.Null(ReportGenerator.FindManifest(new AbsolutePath(Path.GetTempPath()))); // nothing above the temp folder pins it
    }

    [Fact]
    public async Task Without_a_tool_manifest_Coverage_fails_saying_how_to_add_ReportGenerator()
    {
        Requirements.Tool("go");
        using var root = new TempRoot();
        ToolProjects.GoModule(root, "calc", withFailingTest: false);

        var run = await CoveragePipeline.With(new Percentage(15), new GoCoverage("calc")).RunAsync(root, ["Coverage"], gitHubActions: true);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No tool manifest pins ReportGenerator: run `dotnet new tool-manifest` and `dotnet tool install dotnet-reportgenerator-globaltool`", run.StepSummary, StringComparison.Ordinal);
    }
}
