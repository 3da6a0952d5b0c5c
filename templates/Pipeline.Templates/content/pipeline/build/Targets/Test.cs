using Pipeline.Components.Testing;

namespace Build;

/// <summary>Runs the tests; failed tests are listed by name, results kept in artifacts/test-results.</summary>
public sealed class Test : TestTarget
{
#if (isDotNet)
    protected override IEnumerable<ITestSuite> Suites => [new DotNetTests("PIPELINE_SOLUTION")];
#elif (isGo)
    protected override IEnumerable<ITestSuite> Suites => [new GoTests(".")];
#else
    protected override IEnumerable<ITestSuite> Suites => [new CargoTests(".")];
#endif
}
