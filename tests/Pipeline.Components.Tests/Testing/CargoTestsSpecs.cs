using Pipeline.Components.Testing;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Testing;

public sealed class CargoTestsSpecs
{
    [Fact]
    public async Task A_failing_cargo_test_fails_Test_with_its_name_and_the_output_is_kept_as_the_result_file()
    {
        Requirements.Tool("cargo");
        using var root = new TempRoot();
        ToolProjects.CargoCrate(root, "crates/calc", withFailingTest: true);

        var run = await TestPipeline.With(new CargoTests("crates/calc")).RunAsync(root, ["Test"], gitHubActions: true);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::error title=Test::failed: tests::subtracts", run.Lines);
        Assert.Contains("::error title=Target Test failed::1 test failed: tests::subtracts", run.Lines);
        // adds and the doc-test pass; slow is ignored.
        Assert.Contains("2 passed, 1 failed, 1 skipped", run.Lines);
        var results = File.ReadAllText(root.Path / "artifacts" / "test-results" / "cargo-crates-calc" / "cargo-test.txt");
        Assert.Contains("test tests::subtracts ... FAILED", results, StringComparison.Ordinal);
        Assert.Contains("test result: FAILED.", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_crate_of_a_workspace_with_passing_tests_passes_and_go_and_cargo_totals_add_up()
    {
        Requirements.Tool("cargo");
        Requirements.Tool("go");
        using var root = new TempRoot();
        root.Write("rust/Cargo.toml", "[workspace]\nmembers = [\"calc\"]\nresolver = \"2\"\n");
        ToolProjects.CargoCrate(root, "rust/calc", withFailingTest: false);
        ToolProjects.GoModule(root, "go", withFailingTest: false);

        var run = await TestPipeline.With(new CargoTests("rust", crate: "calc"), new GoTests("go")).RunAsync(root, ["Test"], gitHubActions: true);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("cargo rust -p calc: 2 passed, 0 failed, 1 skipped", run.Lines);
        Assert.Contains("go go: 2 passed, 0 failed, 1 skipped", run.Lines);
        Assert.Contains("4 passed, 0 failed, 2 skipped", run.Lines);
        Assert.Contains("| cargo rust -p calc | 2 | 0 | 1 |", run.StepSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crate_that_does_not_compile_fails_Test_with_the_compiler_error_and_counts_as_one_failure()
    {
        Requirements.Tool("cargo");
        using var root = new TempRoot();
        ToolProjects.CargoCrate(root, "calc", withFailingTest: false);
        root.Write("calc/src/broken.rs", "pub fn broken() -> i64 { \"text\" }\n");
        File.AppendAllText(root.Path / "calc" / "src" / "lib.rs", "\npub mod broken;\n");

        var run = await TestPipeline.With(new CargoTests("calc")).RunAsync(root, ["Test"], gitHubActions: true);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("mismatched types", run.Output, StringComparison.Ordinal);
        Assert.Contains(run.Lines, l => l.StartsWith("::error title=Test::cargo calc broke: Process exited with code 101", StringComparison.Ordinal));
        Assert.Contains("0 passed, 1 failed, 0 skipped", run.Lines);
        Assert.Contains("::error title=Target Test failed::1 test failed: cargo calc (broke)", run.Lines);
    }
}
