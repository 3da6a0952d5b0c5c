using Pipeline;
using Pipeline.Components.Testing;

namespace StagedRelease.Build;

/// <summary>
/// The seed's integration stage: the tests of internal/integration against real PostgreSQL 15 and
/// Redis 7 (the clients, SCRAM authentication, the catalogue in the database behind its cache). They
/// are behind the <c>integration</c> build tag, so the unit tests (<c>./...</c>) leave them out; here
/// both stores start for the target. A second test target, so its results take a name of their own.
/// </summary>
public sealed class IntegrationTests : TestTarget
{
    protected override IEnumerable<ITestSuite> Suites => [new GoTests(".", "./internal/integration") { Tags = ["integration"] }];

    protected override string ResultsArtifactName => "integration-test-results";

    protected override void Extend(TargetSpec target) => target
        .Description("Runs the catalogue's tests against PostgreSQL 15 and Redis 7")
        .DependsOn<Test>() // the seed's order: unit tests first, then the stores
        .Service(Stores.Postgres)
        .Service(Stores.Redis);
}
