using Pipeline;
using Pipeline.Components.Coverage;

namespace EventAndTicket.Build;

/// <summary>Line coverage of both modules (the ticket store's too, so PostgreSQL again); below 15% fails: the seed's gate.</summary>
public sealed class Coverage : CoverageTarget
{
    protected override IEnumerable<ICoverageSource> Sources => Service.All.Select(s => new GoCoverage(s.Module));

    protected override Percentage Threshold => new(15);

    protected override void Extend(TargetSpec target) => target.DependsOn<Test>().Service(Database.Postgres);
}
