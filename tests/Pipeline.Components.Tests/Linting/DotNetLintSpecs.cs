using Pipeline.Components.Linting;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Linting;

public sealed class DotNetLint : LintTarget
{
    protected override IEnumerable<ILinter> Linters => [new DotNetAnalyzers("app/Demo.csproj")];
}

/// <summary>Lints a configuration of its own, as this repository's Lint builds <c>-c Lint</c>.</summary>
public sealed class CheckedLint : LintTarget
{
    protected override IEnumerable<ILinter> Linters => [new DotNetAnalyzers("app/Demo.csproj", configuration: "Checked")];
}

/// <summary>Compiles only what changed, as this repository's Lint does between local runs.</summary>
public sealed class IncrementalLint : LintTarget
{
    protected override IEnumerable<ILinter> Linters => [new DotNetAnalyzers("app/Demo.csproj", incremental: true)];
}

public sealed class DotNetLintSpecs
{
    private const string Project = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n";

    [Fact]
    public async Task Unused_variables_fail_lint_once_each_with_file_line_and_rule()
    {
        Requirements.Tool("dotnet");
        using var root = new TempRoot();
        root.Write("app/Demo.csproj", Project);
        root.Write("app/Answers.cs", "namespace Demo;\n\npublic static class Answers\n{\n    public static int Answer()\n    {\n        int unused;\n        int alsoUnused = 3;\n        return 42;\n    }\n}\n");

        var run = await new PipelineBuilder().Add<DotNetLint>().RunAsync(root, ["DotNetLint"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        const string Unused = "DotNetLint │ app/Answers.cs:7:13: The variable 'unused' is declared but never used [CS0168]";
        const string Assigned = "DotNetLint │ app/Answers.cs:8:13: The variable 'alsoUnused' is assigned but its value is never used [CS0219]";
        Assert.Single(run.Lines, Unused); // MSBuild prints each error twice; it is shown once
        Assert.Single(run.Lines, Assigned);
        Assert.Contains("2 lint errors", run.Output);
    }

    [Fact]
    public async Task A_configuration_builds_that_configuration_and_reports_what_only_it_compiles()
    {
        Requirements.Tool("dotnet");
        using var root = new TempRoot();
        root.Write("app/Demo.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Configurations>Debug;Release;Checked</Configurations>
              </PropertyGroup>
              <PropertyGroup Condition="'$(Configuration)' == 'Checked'">
                <DefineConstants>$(DefineConstants);CHECKED</DefineConstants>
              </PropertyGroup>
            </Project>
            """);
        root.Write("app/Answers.cs", "namespace Demo;\n\npublic static class Answers\n{\n    public static int Answer()\n    {\n#if CHECKED\n        int unused;\n#endif\n        return 42;\n    }\n}\n");

        var run = await new PipelineBuilder().Add<CheckedLint>().RunAsync(root, ["CheckedLint"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Single(run.Lines, "CheckedLint │ app/Answers.cs:8:13: The variable 'unused' is declared but never used [CS0168]");
        Assert.True(Directory.Exists(root.Path / "app" / "obj" / "Checked"));
    }

    [Fact]
    public async Task Incrementally_a_finding_is_reported_on_every_run_until_fixed_and_a_clean_project_is_not_compiled_again()
    {
        Requirements.Tool("dotnet");
        using var root = new TempRoot();
        root.Write("app/Demo.csproj", Project);
        root.Write("app/Answers.cs", "namespace Demo;\n\npublic static class Answers\n{\n    public static int Answer()\n    {\n        int unused;\n        return 42;\n    }\n}\n");
        var pipeline = new PipelineBuilder().Add<IncrementalLint>();
        const string Finding = "IncrementalLint │ app/Answers.cs:7:13: The variable 'unused' is declared but never used [CS0168]";

        var first = await pipeline.RunAsync(root, ["IncrementalLint"]);
        var second = await pipeline.RunAsync(root, ["IncrementalLint"]);
        root.Write("app/Answers.cs", "namespace Demo;\n\npublic static class Answers\n{\n    public static int Answer() => 42;\n}\n");
        var fixedRun = await pipeline.RunAsync(root, ["IncrementalLint"]);
        var assembly = root.Path / "app" / "bin" / "Debug" / "net10.0" / "Demo.dll";
        var compiled = File.GetLastWriteTimeUtc(assembly);
        var again = await pipeline.RunAsync(root, ["IncrementalLint"]);

        Assert.DoesNotContain("--no-incremental", first.Output, StringComparison.Ordinal);
        Assert.Single(first.Lines, Finding);
        Assert.Single(second.Lines, Finding); // the finding left no assembly behind, so it was compiled again
        Assert.Equal(0, fixedRun.ExitCode);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(compiled, File.GetLastWriteTimeUtc(assembly));
    }
}
