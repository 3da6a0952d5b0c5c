using Pipeline.Components.Linting;

namespace EventService.Build;

/// <summary>go vet (and golangci-lint when installed); findings become annotations in CI.</summary>
public sealed class Lint : LintTarget
{
    protected override IEnumerable<ILinter> Linters => [new GoVet()];
}
