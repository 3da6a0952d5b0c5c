using Pipeline.Components.Linting;

namespace AccountsService.Build;

/// <summary>The .NET analyzers over the API and the executor, in one build (warnings are errors); findings become annotations in CI.</summary>
public sealed class Lint : LintTarget
{
    protected override IEnumerable<ILinter> Linters => [new DotNetAnalyzers("src/Services.slnx")];
}
