using Pipeline.Components.Linting;

namespace StagedRelease.Build;

/// <summary>The code-quality gate: go vet, 0 findings (each an annotation in CI) or the pipeline stops.</summary>
public sealed class Lint : LintTarget
{
    protected override IEnumerable<ILinter> Linters => [new GoVet()];
}
