using Pipeline.Components.Coverage;
using Pipeline.Components.Testing;
using Pipeline.Components.Tests.Coverage;
using Pipeline.Components.Tests.Support;
using Pipeline.GitHubActions;

namespace Pipeline.Components.Tests.Testing;

/// <summary>Test and Coverage as a pull-request workflow: what their declarations become in CI.</summary>
public sealed class QualityWorkflow : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Quality")
        .OnPullRequest(branches: ["main"])
        .Job<Test>()
        .Job<Coverage.Coverage>(j => j.Permissions(Permission.Contents.Read, Permission.PullRequests.Write));
}

public sealed class WorkflowSpecs
{
    [Fact]
    public async Task Test_uploads_its_results_even_on_failure_and_Coverage_gets_the_token_and_the_toolchains()
    {
        using var root = new TempRoot();
        var pipeline = new PipelineBuilder()
            .Provide(new TestSuiteList(new GoTests("services/calc"), new CargoTests("crates")))
            .Provide(new CoverageSettings(new Percentage(50), new GoCoverage("services/calc")))
            .Add<Test>()
            .Add<Coverage.Coverage>()
            .Workflows(w => w.Add<QualityWorkflow>());

        var run = await pipeline.RunAsync(root, ["--generate"]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var yaml = File.ReadAllText(Directory.GetFiles(root.Path / ".github" / "workflows", "*.yml").Single());
        var test = Job(yaml, "test");
        Assert.Contains("setup-go", test, StringComparison.Ordinal);
        Assert.Contains("go-version-file: services/calc/go.mod", test, StringComparison.Ordinal);
        Assert.Contains("crates/target", test, StringComparison.Ordinal); // the workspace's build cache
        Assert.Contains("if: always()", test, StringComparison.Ordinal);
        Assert.Contains("name: test-results", test, StringComparison.Ordinal);
        Assert.Contains("path: artifacts/test-results", test, StringComparison.Ordinal);
        var coverage = Job(yaml, "coverage");
        Assert.Contains("GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}", coverage, StringComparison.Ordinal);
        Assert.Contains("pull-requests: write", coverage, StringComparison.Ordinal);
        Assert.Contains("path: artifacts/coverage", coverage, StringComparison.Ordinal);
        Assert.Contains("if: always()", coverage, StringComparison.Ordinal); // the report explains a coverage failure
        await WorkflowLint.AssertCleanAsync(yaml, "quality.yml");
    }

    [Fact]
    public async Task A_second_test_target_uploads_its_results_under_its_own_name()
    {
        using var root = new TempRoot();
        var pipeline = new PipelineBuilder()
            .Provide(new TestSuiteList(new GoTests("services/calc")))
            .Add<Test>()
            .Add<IntegrationTest>()
            .Workflows(w => w.Add<TwoTestsWorkflow>());

        var run = await pipeline.RunAsync(root, ["--generate"]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var yaml = File.ReadAllText(Directory.GetFiles(root.Path / ".github" / "workflows", "*.yml").Single());
        Assert.Contains("name: test-results", Job(yaml, "test"), StringComparison.Ordinal);
        Assert.Contains("name: integration-test-results", Job(yaml, "integration-test"), StringComparison.Ordinal);
        Assert.DoesNotContain("name: test-results", Job(yaml, "integration-test"), StringComparison.Ordinal);
        await WorkflowLint.AssertCleanAsync(yaml, "two-tests.yml");
    }

    /// <summary>Integration tests beside the unit tests: a test target of their own, with results of their own.</summary>
    public sealed class IntegrationTest : TestTarget
    {
        protected override IEnumerable<ITestSuite> Suites => [new GoTests("services/calc/integration")];

        protected override string ResultsArtifactName => "integration-test-results";

        protected override void Extend(TargetSpec target) => target.DependsOn<Test>();
    }

    public sealed class TwoTestsWorkflow : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow
            .OnPullRequest(branches: ["main"])
            .Job<Test>()
            .Job<IntegrationTest>();
    }

    // The text of one job: from its key to the next job's key.
    private static string Job(string yaml, string id)
    {
        var lines = yaml.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == $"  {id}:");
        Assert.True(start >= 0, $"no job {id} in\n{yaml}");
        var end = Array.FindIndex(lines, start + 1, l => l.Length > 2 && l[2] != ' ' && l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }
}
