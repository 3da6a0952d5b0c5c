using Pipeline.Components.Linting;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Linting;

/// <summary>Where the test's fake golangci-lint is.</summary>
public sealed record FakeLinter(string Executable);

/// <summary>A Lint target that declares golangci-lint next to go vet.</summary>
public sealed class StrictGoLint(FakeLinter linter) : LintTarget
{
    protected override IEnumerable<ILinter> Linters =>
        [new GoVet("services/events"), new GolangCiLint("services/events") { Executable = linter.Executable }];
}

/// <summary>These change the test process's PATH, so nothing runs beside them.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class ProcessPath;

/// <summary>golangci-lint runs because a Lint target declares it, not because it is on PATH.</summary>
[Collection(typeof(ProcessPath))]
public sealed class GolangCiLintSpecs
{
    private const string Clean = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Printf(\"%d events\\n\", 3)\n}\n";

    [Fact]
    public async Task A_golangci_lint_on_path_is_not_run_by_a_pipeline_that_did_not_declare_it()
    {
        Requirements.Tool("go");
        using var root = Module();
        var (directory, marker) = WriteFakeLinter(root);
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", directory + Path.PathSeparator + path);
        RunOutcome run;
        try
        {
            Assert.Equal(Path.Combine(directory, "golangci-lint"), Requirements.FindOnPath("golangci-lint"));
            run = await new PipelineBuilder().Add<GoLint>().RunAsync(root, ["GoLint"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(marker), "golangci-lint ran though the pipeline only declared go vet");
        Assert.DoesNotContain("golangci-lint", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declared_it_runs_in_the_module_and_its_findings_carry_the_linter_s_rule()
    {
        Requirements.Tool("go");
        using var root = Module();
        var (directory, marker) = WriteFakeLinter(root);

        var run = await new PipelineBuilder().Add<StrictGoLint>().Provide(new FakeLinter(Path.Combine(directory, "golangci-lint"))).RunAsync(root, ["StrictGoLint"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Equal("run ./... in " + (root.Path / "services" / "events"), File.ReadAllText(marker).Trim());
        Assert.Contains("StrictGoLint │ go vet services/events: 0 findings", run.Lines);
        Assert.Contains("StrictGoLint │ golangci-lint services/events: 1 finding", run.Lines);
        Assert.Contains(run.Lines, l => l.StartsWith("StrictGoLint │ services/events/cmd/events/main.go:6:2: Error return value is not checked [errcheck]", StringComparison.Ordinal));
    }

    private static TempRoot Module()
    {
        var root = new TempRoot();
        root.Write("services/events/go.mod", "module example.com/events\n\ngo 1.19\n");
        root.Write("services/events/cmd/events/main.go", Clean);
        return root;
    }

    /// <summary>A golangci-lint that notes how it was run and reports one errcheck finding, as the real one prints it.</summary>
    private static (string Directory, string Marker) WriteFakeLinter(TempRoot root)
    {
        var marker = root.Path / "golangci-lint-ran";
        var script = root.Write("fake-bin/golangci-lint", $"""
            #!/bin/sh
            echo "$*" in "$(pwd)" > '{marker}'
            echo 'cmd/events/main.go:6:2: Error return value is not checked (errcheck)'
            exit 1
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return (Path.GetDirectoryName(script)!, marker);
    }
}
