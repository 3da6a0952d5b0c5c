using System.Text.RegularExpressions;
using DotNetService.Build;
using Pipeline.Components.Services;
using Pipeline.Generation;
using Pipeline.GitHubActions;

namespace Pipeline.Components.Tests.Services;

/// <summary>samples/dotnet-service: its Test target against a real PostgreSQL, and its committed workflow.</summary>
public sealed class DotNetServiceSampleSpecs
{
    private static readonly AbsolutePath Sample = WorkflowLint.RepositoryRoot / "samples" / "dotnet-service";

    [Fact]
    public async Task Its_Test_target_runs_the_integration_tests_against_the_PostgreSQL_it_starts_then_removes_it()
    {
        Requirements.Docker();
        Requirements.Tool("dotnet");
        var run = Guid.NewGuid().ToString("N");
        var workspace = Directory.CreateTempSubdirectory("pipeline-sample-");
        try
        {
            var root = CopySample(workspace.FullName);
            var output = new StringWriter();
            var environment = new PipelineEnvironment(root, Docker.LocalVariables(), output, output, 2, UseColor: false);

            var exitCode = await DotNetServicePipeline.Create()
                .UseTestcontainers(new Dictionary<string, string> { [Docker.TestLabel] = run })
                .RunAsync(["Test"], environment, TestContext.Current.CancellationToken);

            var text = output.ToString();
            Assert.True(exitCode == 0, text);
            Assert.Matches(TestTotals("Tickets.Tests", 5), text);
            Assert.Matches(TestTotals("Tickets.IntegrationTests", 2), text); // none skipped: DATABASE_URL reached them
            Assert.Contains("7 passed, 0 failed, 0 skipped", text, StringComparison.Ordinal); // the Test component's totals
            Assert.Contains("Service postgres (", text, StringComparison.Ordinal);
            Assert.Empty(Docker.ContainersLabelled(run));
        }
        finally
        {
            workspace.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Its_committed_workflow_is_what_the_pipeline_generates_and_lints_clean()
    {
        var environment = new PipelineEnvironment(Sample, new Dictionary<string, string>(), TextWriter.Null, TextWriter.Null, 2, UseColor: false);
        var graph = DotNetServicePipeline.Create().BuildGraph(environment);

        var generated = Assert.Single(new WorkflowFiles().Add<Ci>().Generate(new GenerationContext(graph, [], Sample, "build", "DotNetService.Build")));

        Assert.Equal(".github/workflows/ci.yml", generated.RelativePath.Replace('\\', '/'));
        var committed = await File.ReadAllTextAsync(Sample / ".github" / "workflows" / "ci.yml", TestContext.Current.CancellationToken);
        Assert.True(committed == generated.Content, "samples/dotnet-service/.github/workflows/ci.yml is stale: run samples/dotnet-service/build.sh --generate");
        Assert.Contains("      postgres:\n        image: postgres:16-alpine\n", committed, StringComparison.Ordinal);
        Assert.Contains("DATABASE_URL: Host=localhost;Port=5432;Username=tickets;Password=tickets;Database=tickets", committed, StringComparison.Ordinal);
        await WorkflowLint.AssertCleanAsync(committed, "ci.yml");
    }

    /// <summary>The sample with the repository's shared MSBuild files above it, as in the repository; no build output.</summary>
    private static AbsolutePath CopySample(string workspace)
    {
        foreach (var shared in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            File.Copy(WorkflowLint.RepositoryRoot / shared, Path.Combine(workspace, shared));
        }

        var root = Path.Combine(workspace, "dotnet-service");
        foreach (var file in Directory.EnumerateFiles(Sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Sample, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Any(p => p is "bin" or "obj") || relative.StartsWith(Path.Combine(".nuke", "temp"), StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return new AbsolutePath(root);
    }

    private static Regex TestTotals(string project, int passed) =>
        new($@"Failed:\s+0, Passed:\s+{passed}, Skipped:\s+0, Total:\s+{passed},.*{Regex.Escape(project)}\.dll");
}
