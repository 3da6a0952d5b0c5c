using Pipeline.Components.Testing;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Testing;

public sealed class GoTestsSpecs
{
    private const string FailingTest = "example.com/calc/calc/TestSubtract";

    [Fact]
    public async Task A_failing_go_test_fails_Test_naming_it_in_the_log_the_run_summary_and_the_step_summary()
    {
        Requirements.Tool("go");
        using var root = new TempRoot();
        ToolProjects.GoModule(root, "services/calc", withFailingTest: true);

        var run = await TestPipeline.With(new Components.Testing.GoTests("services/calc")).RunAsync(root, ["Test"], gitHubActions: true);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2 passed, 1 failed, 1 skipped", run.Lines);
        Assert.Contains($"::error title=Test::failed: {FailingTest}", run.Lines);
        Assert.Contains("Add(5, -3) = 2, want 3", run.Output, StringComparison.Ordinal); // the failure's own message
        Assert.Contains($"::error title=Target Test failed::1 test failed: {FailingTest}", run.Lines);
        Assert.Contains($"| Test | ❌ failed: 1 test failed: {FailingTest} |", run.StepSummary, StringComparison.Ordinal);
        Assert.Contains("### Tests: 2 passed, 1 failed, 1 skipped", run.StepSummary, StringComparison.Ordinal);
        Assert.Contains($"- ❌ `{FailingTest}`", run.StepSummary, StringComparison.Ordinal);

        var results = root.Path / "artifacts" / "test-results" / "go-services-calc" / "go-test.json";
        Assert.Contains($"\"Test\":\"TestSubtract\"", File.ReadAllText(results), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passing_go_tests_pass_Test_with_the_totals_line()
    {
        Requirements.Tool("go");
        using var root = new TempRoot();
        ToolProjects.GoModule(root, "calc", withFailingTest: false);

        var run = await TestPipeline.With(new Components.Testing.GoTests("calc")).RunAsync(root, ["Test"], gitHubActions: true);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("2 passed, 0 failed, 1 skipped", run.Lines);
        Assert.Contains(run.Lines, l => l.StartsWith("ok  example.com/calc/calc  ", StringComparison.Ordinal)); // go's line per package
        Assert.Contains("?  example.com/calc/util  [no test files]", run.Lines);
        Assert.DoesNotContain(run.Lines, l => l.StartsWith("::error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_go_package_that_does_not_compile_fails_Test_even_though_no_test_failed()
    {
        Requirements.Tool("go");
        using var root = new TempRoot();
        ToolProjects.GoModule(root, "calc", withFailingTest: false);
        root.Write("calc/broken.go", "package calc\n\nfunc Broken() int { return \"text\" }\n");

        var run = await TestPipeline.With(new Components.Testing.GoTests("calc")).RunAsync(root, ["Test"], gitHubActions: true);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot use \"text\"", run.Output, StringComparison.Ordinal);
        Assert.Contains(run.Lines, l => l.StartsWith("::error title=Test::go calc broke: Process exited with code", StringComparison.Ordinal));
        Assert.Contains("0 passed, 1 failed, 0 skipped", run.Lines); // the run that did not happen is a failure, not nothing
        Assert.Contains("::error title=Target Test failed::1 test failed: go calc (broke)", run.Lines);
    }

    [Fact]
    public void Two_suites_of_one_module_with_other_packages_keep_their_results_apart()
    {
        var unit = new Components.Testing.GoTests(".");
        var integration = new Components.Testing.GoTests(".", "./internal/integration");

        Assert.Equal("go .", unit.Name);
        Assert.Equal("go . ./internal/integration", integration.Name);
        Assert.NotEqual(RecordedResults.FolderOf(unit), RecordedResults.FolderOf(integration));

        var tagged = new Components.Testing.GoTests(".") { Tags = ["integration"] };
        Assert.Equal("go . (integration)", tagged.Name);
        Assert.NotEqual(RecordedResults.FolderOf(unit), RecordedResults.FolderOf(tagged));
    }

    [Fact]
    public async Task Tests_behind_a_build_tag_run_only_in_the_suite_that_names_it()
    {
        Requirements.Tool("go");
        using var root = new TempRoot();
        ToolProjects.GoModule(root, "calc", withFailingTest: false);
        root.Write("calc/calc/tagged_test.go", "//go:build integration\n\npackage calc\n\nimport \"testing\"\n\nfunc TestOnlyWithTheTag(t *testing.T) { t.Fatal(\"ran behind the tag\") }\n");

        var plain = await TestPipeline.With(new Components.Testing.GoTests("calc")).RunAsync(root, ["Test"]);
        var tagged = await TestPipeline.With(new Components.Testing.GoTests("calc") { Tags = ["integration"] }).RunAsync(root, ["Test"]);

        Assert.True(plain.ExitCode == 0, plain.Output); // ./... without the tag leaves the file out
        Assert.Equal(1, tagged.ExitCode);
        Assert.Contains("ran behind the tag", tagged.Output, StringComparison.Ordinal);
    }
}
