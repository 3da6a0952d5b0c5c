using Pipeline.Components.Linting;

namespace GitOpsService.Build;

/// <summary>go vet; findings become annotations in CI.</summary>
public sealed class Lint : LintTarget
{
    protected override IEnumerable<ILinter> Linters => [new GoVet()];
}
