using Pipeline.Components.Formatting;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Formatting;

public sealed class CargoFormat : FormatTarget
{
    protected override IEnumerable<IFormatter> Formatters => [new CargoFormatter("crates/demo")];
}

public sealed class CargoFormatSpecs
{
    private static TempRoot Crate()
    {
        var root = new TempRoot();
        RustCrate.Write(root, "crates/demo", "pub mod util;\n\npub fn add(a: i32, b: i32) -> i32 {\n    a+b\n}\n");
        root.Write("crates/demo/src/util.rs", "pub fn twice(x: i32) -> i32 {\n    x * 2\n}\n");
        return root;
    }

    private static PipelineBuilder Pipeline() => new PipelineBuilder().Add<CargoFormat>();

    [Fact]
    public async Task Verify_mode_fails_listing_the_unformatted_file_relative_to_the_root()
    {
        Requirements.Tool("cargo");
        using var root = Crate();

        var run = await Pipeline().RunAsync(root, ["CargoFormat"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("CargoFormat │ crates/demo/src/lib.rs: not formatted (cargo fmt crates/demo)", run.Lines);
        Assert.Contains("1 file is not formatted", run.Output);
        Assert.DoesNotContain("util.rs: not formatted", run.Output);
    }

    [Fact]
    public async Task Fix_mode_rewrites_the_file_and_then_verify_passes()
    {
        Requirements.Tool("cargo");
        using var root = Crate();

        var fix = await Pipeline().RunAsync(root, ["CargoFormat", "--fix"]);
        var verify = await Pipeline().RunAsync(root, ["CargoFormat"]);

        Assert.Equal(0, fix.ExitCode);
        Assert.Contains("CargoFormat │ crates/demo/src/lib.rs: rewritten (cargo fmt crates/demo)", fix.Lines);
        Assert.Contains("    a + b\n", root.Read("crates/demo/src/lib.rs"));
        Assert.Equal(0, verify.ExitCode);
    }

    [Fact]
    public async Task A_file_rustfmt_cannot_parse_fails_with_the_tool_output_rather_than_passing()
    {
        Requirements.Tool("cargo");
        using var root = new TempRoot();
        RustCrate.Write(root, "crates/demo", "pub fn broken( {\n");

        var run = await Pipeline().RunAsync(root, ["CargoFormat"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("cargo fmt --check exited with code", run.Output);
    }
}
