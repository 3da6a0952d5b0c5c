using Pipeline;
using Pipeline.Components.Linting;

namespace EventAndTicket.Build;

/// <summary>
/// go vet over both modules, after gofmt: the seed's lint job (golangci-lint there: add <c>new GolangCiLint(module)</c>
/// where it is installed; it is not on this machine).
/// </summary>
public sealed class Lint : LintTarget
{
    protected override IEnumerable<ILinter> Linters => Service.All.Select(s => new GoVet(s.Module));

    protected override void Extend(TargetSpec target) => target.DependsOn<Format>();
}
