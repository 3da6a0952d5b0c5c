using Pipeline;
using Pipeline.Components.Formatting;

namespace Build;

/// <summary>Fails when a file is not formatted as .editorconfig says; <c>./build.sh Format --fix</c> rewrites them.</summary>
public sealed class Format : FormatTarget
{
    // Every file dotnet format reads with --folder, and --fix: a fix must run even when a check passed.
    protected override void Extend(TargetSpec target) => target.Inputs(i => i
        .Files("**/*.cs", Repository.NotInputs)
        .Files("**/.editorconfig", Repository.NotInputs)
        .Parameter(Fix)
        .Tool(RequiredTool.DotNet));

    // Whitespace and layout only, file by file (--folder): the full dotnet format loads every project
    // and writes into obj/ while Compile and Lint build beside it. Code-style rules need a compilation
    // and run in Lint.
    protected override IEnumerable<IFormatter> Formatters =>
        [new DotNetFormatter(".", DotNetFormatScope.Whitespace) { Folder = true, Exclude = ["artifacts"] }];
}
