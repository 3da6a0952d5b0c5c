using Pipeline.Components.Linting;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Linting;

public sealed class DotNetLint : LintTarget
{
    protected override IEnumerable<ILinter> Linters => [new DotNetAnalyzers("app/Demo.csproj")];
}

public sealed class DotNetLintSpecs
{
    [Fact]
    public async Task Unused_variables_fail_lint_once_each_with_file_line_and_rule()
    {
        Requirements.Tool("dotnet");
        using var root = new TempRoot();
        root.Write("app/Demo.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        root.Write("app/Answers.cs", "namespace Demo;\n\npublic static class Answers\n{\n    public static int Answer()\n    {\n        int unused;\n        int alsoUnused = 3;\n        return 42;\n    }\n}\n");

        var run = await new PipelineBuilder().Add<DotNetLint>().RunAsync(root, ["DotNetLint"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        const string Unused = "DotNetLint │ app/Answers.cs:7:13: The variable 'unused' is declared but never used [CS0168]";
        const string Assigned = "DotNetLint │ app/Answers.cs:8:13: The variable 'alsoUnused' is assigned but its value is never used [CS0219]";
        Assert.Single(run.Lines, Unused); // MSBuild prints each error twice; it is shown once
        Assert.Single(run.Lines, Assigned);
        Assert.Contains("2 lint error(s)", run.Output);
    }
}
