using Pipeline.Components.Linting;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Linting;

public sealed class RustLint : LintTarget
{
    protected override IEnumerable<ILinter> Linters => [new CargoClippy("crates/demo")];
}

public sealed class ClippyLintSpecs
{
    [Fact]
    public async Task Clippy_lints_fail_lint_with_file_and_line()
    {
        Requirements.Tool("cargo");
        using var root = new TempRoot();
        RustCrate.Write(root, "crates/demo", "pub fn add(a: i32, b: i32) -> i32 {\n    return a + b;\n}\n\npub fn same() -> bool {\n    let x = 5;\n    x == x\n}\n");

        var run = await new PipelineBuilder().Add<RustLint>().RunAsync(root, ["RustLint"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("RustLint │ crates/demo/src/lib.rs:2:5: unneeded `return` statement", run.Lines);
        Assert.Contains("RustLint │ crates/demo/src/lib.rs:7:5: equal expressions as operands to `==`", run.Lines);
        Assert.Contains("2 lint errors", run.Output);
    }

    [Fact]
    public async Task A_clean_crate_passes()
    {
        Requirements.Tool("cargo");
        using var root = new TempRoot();
        RustCrate.Write(root, "crates/demo", "pub fn add(a: i32, b: i32) -> i32 {\n    a + b\n}\n");

        var run = await new PipelineBuilder().Add<RustLint>().RunAsync(root, ["RustLint"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("RustLint │ cargo clippy crates/demo: 0 findings", run.Lines);
    }
}
