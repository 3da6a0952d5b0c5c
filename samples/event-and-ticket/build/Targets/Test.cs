using Pipeline;
using Pipeline.Components.Testing;

namespace EventAndTicket.Build;

/// <summary>go test over both modules; the ticket service's store is tested against PostgreSQL (a service container).</summary>
public sealed class Test : TestTarget
{
    protected override IEnumerable<ITestSuite> Suites => Service.All.Select(s => new GoTests(s.Module));

    protected override void Extend(TargetSpec target) => target.Service(Database.Postgres);
}
