using Pipeline.Components.Linting;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Linting;

public sealed class GoLint : LintTarget
{
    protected override IEnumerable<ILinter> Linters => [new GoVet("services/events")];
}

public sealed class GoLintSpecs
{
    private static TempRoot Module(string main)
    {
        var root = new TempRoot();
        root.Write("services/events/go.mod", "module example.com/events\n\ngo 1.19\n");
        root.Write("services/events/cmd/events/main.go", main);
        return root;
    }

    private const string PrintfMismatch = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Printf(\"%d events\\n\", \"three\")\n}\n";

    [Fact]
    public void Go_is_set_up_from_the_linted_modules_own_go_mod_and_the_roots_for_the_root_module()
    {
        Assert.Equal("services/events/go.mod", new GoVet("services/events").Toolchain.VersionFile);
        Assert.Equal("go.mod", new GoVet().Toolchain.VersionFile);
    }

    [Fact]
    public async Task A_printf_argument_mismatch_fails_lint_at_its_file_and_line()
    {
        Requirements.Tool("go");
        using var root = Module(PrintfMismatch);

        var run = await new PipelineBuilder().Add<GoLint>().RunAsync(root, ["GoLint"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith("GoLint │ services/events/cmd/events/main.go:6:2: fmt.Printf format %d has arg \"three\" of wrong type string", StringComparison.Ordinal));
        Assert.Contains("1 lint error", run.Output);
    }

    [Fact]
    public async Task Under_GitHub_Actions_the_finding_is_an_error_annotation_on_the_line()
    {
        Requirements.Tool("go");
        using var root = Module(PrintfMismatch);

        var run = await new PipelineBuilder().Add<GoLint>().RunAsync(root, ["GoLint"], InProcessRun.UnderGitHubActions());

        Assert.Contains(run.Lines, l => l.StartsWith("::error file=services/events/cmd/events/main.go,line=6,col=2::fmt.Printf format %25d has arg \"three\" of wrong type string", StringComparison.Ordinal)); // '%' is escaped
    }

    [Fact]
    public async Task Clean_code_passes()
    {
        Requirements.Tool("go");
        using var root = Module("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Printf(\"%d events\\n\", 3)\n}\n");

        var run = await new PipelineBuilder().Add<GoLint>().RunAsync(root, ["GoLint"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("GoLint │ go vet services/events: 0 findings", run.Lines);
    }
}
