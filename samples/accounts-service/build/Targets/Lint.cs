using Pipeline.Components.Linting;

namespace AccountsService.Build;

/// <summary>The .NET analyzers over the service (warnings are errors); findings become annotations in CI.</summary>
public sealed class Lint : LintTarget
{
    protected override IEnumerable<ILinter> Linters => [new DotNetAnalyzers("src/Accounts.Api/Accounts.Api.csproj")];
}
