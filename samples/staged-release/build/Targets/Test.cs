using Pipeline.Components.Testing;

namespace StagedRelease.Build;

/// <summary>The unit-test gate: go test over every package, 100% passing; results kept as a CI artifact even on failure.</summary>
public sealed class Test : TestTarget
{
    protected override IEnumerable<ITestSuite> Suites => [new GoTests(".")];
}
