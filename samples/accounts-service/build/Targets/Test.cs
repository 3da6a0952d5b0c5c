using Pipeline;
using Pipeline.Components.Testing;

namespace AccountsService.Build;

/// <summary>Unit tests and the store tests against PostgreSQL and Redis (DATABASE_URL and REDIS_URL come from the services).</summary>
public sealed class Test : TestTarget
{
    protected override IEnumerable<ITestSuite> Suites => [new DotNetTests("tests/Accounts.Tests/Accounts.Tests.csproj")];

    protected override void Extend(TargetSpec target) => target
        .Description("Runs the service's tests with PostgreSQL and Redis service containers")
        .Service(Stores.Postgres)
        .Service(Stores.Redis);
}
