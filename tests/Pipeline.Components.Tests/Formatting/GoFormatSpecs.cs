using Pipeline.Components.Formatting;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Formatting;

public sealed class GoFormat : FormatTarget
{
    protected override IEnumerable<IFormatter> Formatters => [new GoFormatter("services/events")];
}

public sealed class PolyglotFormat : FormatTarget
{
    protected override IEnumerable<IFormatter> Formatters =>
        [new GoFormatter("services/events"), new CargoFormatter("crates"), new GoFormatter("services/events/")];
}

public sealed class GoFormatSpecs
{
    private const string Formatted = "package events\n\nfunc Count() int { return 1 }\n";

    private static TempRoot Module()
    {
        var root = new TempRoot();
        root.Write("services/events/go.mod", "module example.com/events\n\ngo 1.19\n");
        root.Write("services/events/count.go", Formatted);
        root.Write("services/events/store/store.go", "package store\n\nfunc  Open( ) error {\nreturn nil\n}\n");
        root.Write("services/events/main.go", "package main\nimport \"fmt\"\nfunc main() {  fmt.Println(\"x\") }\n");
        root.Write("other/ignored.go", "package other\nfunc  Outside( ) {}\n"); // outside the formatter's directory
        return root;
    }

    private static PipelineBuilder Pipeline() => new PipelineBuilder().Add<GoFormat>();

    [Fact]
    public async Task Without_go_on_PATH_the_run_stops_before_any_target_naming_go_and_how_to_install_it()
    {
        using var root = Module();
        var emptyBin = Directory.CreateDirectory(root.Path / "empty-bin").FullName;

        var run = await Pipeline().RunAsync(root, ["GoFormat"], new Dictionary<string, string> { ["PATH"] = emptyBin });

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: go is not installed (or not on PATH), and GoFormat needs it: install Go:", run.Error.Trim(), StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.DoesNotContain("▶ started", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_mode_fails_listing_every_unformatted_file_relative_to_the_root()
    {
        Requirements.Tool("gofmt");
        using var root = Module();

        var run = await Pipeline().RunAsync(root, ["GoFormat"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("GoFormat │ services/events/main.go: not formatted (gofmt services/events)", run.Lines);
        Assert.Contains("GoFormat │ services/events/store/store.go: not formatted (gofmt services/events)", run.Lines);
        Assert.Contains("2 files are not formatted", run.Output);
        Assert.DoesNotContain("count.go", run.Output.Replace("> gofmt", "", StringComparison.Ordinal));
        Assert.DoesNotContain("ignored.go", run.Output);
        Assert.Contains("func  Open( )", root.Read("services/events/store/store.go")); // verify mode changes nothing
    }

    [Fact]
    public async Task Fix_mode_rewrites_the_files_and_then_verify_passes()
    {
        Requirements.Tool("gofmt");
        using var root = Module();

        var fix = await Pipeline().RunAsync(root, ["GoFormat", "--fix"]);
        var verify = await Pipeline().RunAsync(root, ["GoFormat"]);

        Assert.Equal(0, fix.ExitCode);
        Assert.Contains("GoFormat │ services/events/store/store.go: rewritten (gofmt services/events)", fix.Lines);
        Assert.Equal("package store\n\nfunc Open() error {\n\treturn nil\n}\n", root.Read("services/events/store/store.go"));
        Assert.Equal(Formatted, root.Read("services/events/count.go"));
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("GoFormat │ Every file is formatted.", verify.Lines);
    }

    [Fact]
    public void The_target_declares_the_fix_parameter_and_the_go_toolchain()
    {
        using var root = new TempRoot();
        var environment = new PipelineEnvironment(root.Path, new Dictionary<string, string>(), TextWriter.Null, TextWriter.Null, 1, false);

        var target = Pipeline().BuildGraph(environment).Targets.Single(t => t.Name == "GoFormat");

        // Go is set up in CI from the module's own go.mod, not a go.mod the root may not have.
        Assert.Equal([Toolchain.Go.WithVersionFile("services/events/go.mod")], target.Toolchains);
        Assert.Contains(FormatTarget.Fix, target.Reads);
    }

    [Fact]
    public void Each_toolchain_of_the_formatters_is_declared_once()
    {
        using var root = new TempRoot();
        var environment = new PipelineEnvironment(root.Path, new Dictionary<string, string>(), TextWriter.Null, TextWriter.Null, 1, false);

        var target = new PipelineBuilder().Add<PolyglotFormat>().BuildGraph(environment).Targets.Single();

        Assert.Equal([Toolchain.Go.WithVersionFile("services/events/go.mod"), Toolchain.Cargo], target.Toolchains);
    }

    [Fact]
    public async Task Help_lists_the_fix_option()
    {
        using var root = new TempRoot();

        var help = await Pipeline().RunAsync(root, ["--help"]);

        Assert.Contains("--fix", help.Output, StringComparison.Ordinal);
    }
}
