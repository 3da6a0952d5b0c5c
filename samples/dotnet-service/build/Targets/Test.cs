using Pipeline;
using Pipeline.Components.Testing;

namespace DotNetService.Build;

/// <summary>Unit tests, then the integration tests against PostgreSQL (DATABASE_URL comes from the service).</summary>
public sealed class Test : TestTarget
{
    protected override IEnumerable<ITestSuite> Suites =>
    [
        new DotNetTests("tests/Tickets.Tests/Tickets.Tests.csproj"),
        new DotNetTests("tests/Tickets.IntegrationTests/Tickets.IntegrationTests.csproj"),
    ];

    protected override void Extend(TargetSpec target) => target
        .Description("Runs the unit and integration tests; the integration tests use a PostgreSQL service container")
        .Service(Database.Postgres);
}
