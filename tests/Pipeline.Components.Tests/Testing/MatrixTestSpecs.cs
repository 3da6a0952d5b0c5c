using Pipeline.Components.Testing;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Testing;

/// <summary>A Test target that runs once per crate of a workspace, as a CI matrix would.</summary>
public sealed class CrateTests : TestTarget
{
    public static readonly MatrixAxis Crates = MatrixAxis.Of("crate", "alpha", "beta");

    protected override IEnumerable<ITestSuite> Suites => Crates.Values.Select(crate => new CargoTests("rust", crate, ["--offline"]));

    protected override void Extend(TargetSpec target) => target.Matrix(Crates, failFast: false);

    protected override IEnumerable<ITestSuite> SuitesFor(TargetContext context) => [new CargoTests("rust", context.Matrix!["crate"], ["--offline"])];
}

public sealed class MatrixTestSpecs
{
    [Fact]
    public async Task Each_matrix_cell_runs_its_own_crate_and_the_failing_cell_names_its_test()
    {
        Requirements.Tool("cargo");
        using var root = new TempRoot();
        root.Write("rust/Cargo.toml", "[workspace]\nmembers = [\"alpha\", \"beta\"]\nresolver = \"2\"\n");
        ToolProjects.CargoCrate(root, "rust/alpha", withFailingTest: true, name: "alpha");
        ToolProjects.CargoCrate(root, "rust/beta", withFailingTest: false, name: "beta");

        var run = await new PipelineBuilder().Add<CrateTests>().RunAsync(root, ["CrateTests"], gitHubActions: true);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[crate=alpha] 2 passed, 1 failed, 1 skipped", run.Lines);
        Assert.Contains("[crate=beta] 2 passed, 0 failed, 1 skipped", run.Lines);
        Assert.Contains("| CrateTests | ❌ failed: [crate=alpha] 1 test failed: tests::subtracts |", run.StepSummary, StringComparison.Ordinal);
        Assert.True(File.Exists(root.Path / "artifacts" / "test-results" / "cargo-rust--p-beta" / "cargo-test.txt"));
    }
}
