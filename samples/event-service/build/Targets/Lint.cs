using Pipeline.Components.Linting;

namespace EventService.Build;

/// <summary>go vet; findings become annotations in CI. (Add <c>new GolangCiLint()</c> where golangci-lint is installed.)</summary>
public sealed class Lint : LintTarget
{
    protected override IEnumerable<ILinter> Linters => [new GoVet()];
}
