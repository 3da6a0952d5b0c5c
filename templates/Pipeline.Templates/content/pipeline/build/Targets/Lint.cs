using Pipeline.Components.Linting;

namespace Build;

/// <summary>Findings print as path:line:col and become annotations in GitHub Actions.</summary>
public sealed class Lint : LintTarget
{
#if (isDotNet)
    protected override IEnumerable<ILinter> Linters => [new DotNetAnalyzers("PIPELINE_SOLUTION")];
#elif (isGo)
    protected override IEnumerable<ILinter> Linters => [new GoVet()];
#else
    protected override IEnumerable<ILinter> Linters => [new CargoClippy()];
#endif
}
