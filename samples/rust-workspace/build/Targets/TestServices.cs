using Pipeline;
using Pipeline.Components.Testing;

namespace RustWorkspace.Build;

/// <summary>
/// <c>cargo test -p &lt;service&gt;-service --lib --bins</c>, one matrix cell per service, six at a time, none
/// cancelling the others (in CI: a job each, each uploading its results). Each cell also runs the
/// tests of service-kit, the crate every service ships. The tests under <c>tests/</c>, which need
/// PostgreSQL and Redis, are <see cref="IntegrationTests"/>' to run.
/// </summary>
public sealed class TestServices : TestTarget
{
    protected override IEnumerable<ITestSuite> Suites => Services.Axis.Values.Select(Suite);

    protected override IEnumerable<ITestSuite> SuitesFor(TargetContext context) => [Suite(Services.Of(context))];

    protected override void Extend(TargetSpec target) => target
        .Description("Runs each service's tests (a matrix over the twelve services)")
        .DependsOn<FormatAndLint>()
        .Matrix(Services.Axis, maxParallel: Services.MaxParallel, failFast: false);

    internal static CargoTests Suite(string service) => new(".", Services.Crate(service), ["--locked", "-p", "service-kit", "--lib", "--bins"]);
}
