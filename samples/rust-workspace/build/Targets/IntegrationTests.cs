using Pipeline;
using Pipeline.Components.Testing;

namespace RustWorkspace.Build;

/// <summary>
/// The seed's integration stage: every test of the crates that use PostgreSQL or Redis (their
/// <c>tests/</c> folders included) against real servers, in one job with both service containers.
/// Not part of <see cref="TestServices"/>: a target's services start for each of its matrix cells, and
/// ten of the twelve services keep no data. A second test target, so its results take a name of their own.
/// </summary>
public sealed class IntegrationTests : TestTarget
{
    private static readonly CargoTests Suite = new(".", Stores.Crates[0], ["--locked", .. Stores.Crates.Skip(1).SelectMany(c => new[] { "-p", c })]);

    protected override IEnumerable<ITestSuite> Suites => [Suite];

    protected override string ResultsArtifactName => "integration-test-results";

    protected override void Extend(TargetSpec target) => target
        .Description("Runs the store clients' and the services' tests against PostgreSQL and Redis")
        .DependsOn<TestServices>()
        .Service(Stores.Postgres)
        .Service(Stores.Redis);
}
