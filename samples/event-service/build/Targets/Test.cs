using Pipeline.Components.Testing;

namespace EventService.Build;

/// <summary>go test over every package, with results kept as a CI artifact even when tests fail.</summary>
public sealed class Test : TestTarget
{
    protected override IEnumerable<ITestSuite> Suites => [new GoTests(".")];
}
