using Pipeline.Components.Testing;

namespace GitOpsService.Build;

/// <summary>go test over every package (the seed's `go test ./...`).</summary>
public sealed class Test : TestTarget
{
    protected override IEnumerable<ITestSuite> Suites => [new GoTests(".")];
}
