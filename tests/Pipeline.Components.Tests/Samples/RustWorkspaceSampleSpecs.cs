using Pipeline.Components.Tests.Support;
using RustWorkspace.Build;

namespace Pipeline.Components.Tests.Samples;

/// <summary>samples/rust-workspace: its committed workflow, and its own pipeline run on a copy of it.</summary>
public sealed class RustWorkspaceSampleSpecs
{
    private static readonly AbsolutePath Sample = WorkflowLint.RepositoryRoot / "samples" / "rust-workspace";

    private static TempRoot Copy() => new TempRoot().CopyFrom(Sample);

    [Fact]
    public async Task The_committed_ci_workflow_has_no_lint_findings()
    {
        var workflow = Sample / ".github" / "workflows" / "ci.yml";

        await WorkflowLint.AssertCleanAsync(await File.ReadAllTextAsync(workflow, TestContext.Current.CancellationToken), "ci.yml");
    }

    [Fact]
    public async Task The_committed_generated_files_match_the_pipeline()
    {
        using var root = Copy();

        var check = await RustWorkspacePipeline.Create().RunAsync(root, ["--generate", "--check"]);

        Assert.True(check.ExitCode == 0, check.All);
    }

    [Fact]
    public async Task The_ci_workflow_runs_format_and_lint_then_a_test_job_per_crate()
    {
        var yaml = await File.ReadAllTextAsync(Sample / ".github" / "workflows" / "ci.yml", TestContext.Current.CancellationToken);

        Assert.Contains("run: ./build.sh Format\n", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./build.sh Lint\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    needs: [format, lint]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("        crate:\n          - ticket-core\n          - ticket-api\n          - ticket-worker\n", yaml, StringComparison.Ordinal);
        Assert.Contains("PIPELINE_MATRIX_CRATE: ${{ matrix.crate }}", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sample_is_formatted_and_lint_clean_and_each_crate_tests_pass()
    {
        Requirements.Tool("cargo");
        using var root = Copy();

        var run = await RustWorkspacePipeline.Create().RunAsync(root, ["Test"]);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Format │ Every file is formatted.", run.Lines);
        Assert.Contains("Lint   │ cargo clippy .: 0 findings", run.Lines);
        foreach (var crate in new[] { "ticket-core", "ticket-api", "ticket-worker" })
        {
            Assert.Contains(run.Lines, l => l.Contains($"cargo . -p {crate}: ", StringComparison.Ordinal) && l.Contains(" passed, 0 failed, 0 skipped", StringComparison.Ordinal));
        }

        Assert.Contains(run.Lines, l => l.Contains("test result: ok. 5 passed; 0 failed", StringComparison.Ordinal)); // ticket-core's unit tests
    }

    [Fact]
    public async Task A_format_or_lint_violation_in_a_crate_fails_the_gate_at_its_file()
    {
        Requirements.Tool("cargo");
        using var root = Copy();
        var worker = root.Path / "crates" / "ticket-worker" / "src" / "lib.rs";
        var source = await File.ReadAllTextAsync(worker, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(
            worker,
            source.Replace("pub fn priority_after(", "pub fn is_due(&self, age: u64) -> bool {\n        return age>=self.wait_per_step;\n    }\n\n    pub fn priority_after(", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);

        var format = await RustWorkspacePipeline.Create().RunAsync(root, ["Format"]);
        var lint = await RustWorkspacePipeline.Create().RunAsync(root, ["Lint"]);

        Assert.Equal(ExitCodes.TargetFailed, format.ExitCode);
        Assert.Contains("Format │ crates/ticket-worker/src/lib.rs: not formatted (cargo fmt .)", format.Lines);
        Assert.Equal(ExitCodes.TargetFailed, lint.ExitCode);
        Assert.Contains(lint.Lines, l => l.StartsWith("Lint │ crates/ticket-worker/src/lib.rs:", StringComparison.Ordinal) && l.Contains("unneeded `return` statement", StringComparison.Ordinal));
    }
}
