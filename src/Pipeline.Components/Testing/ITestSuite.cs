namespace Pipeline.Components.Testing;

/// <summary>One tool's tests in one place (a Go module, a Cargo workspace, a .NET project), run as one process.</summary>
public interface ITestSuite
{
    /// <summary>Names the suite in logs and summaries: <c>go services/events</c>.</summary>
    string Name { get; }

    /// <summary>The toolchain CI must set up for it.</summary>
    Toolchain Toolchain { get; }

    /// <summary>
    /// Runs the tests and returns their summary, also when tests fail (a failing run is a result,
    /// not an error). Throws only when the run itself broke: the code did not compile, the tool is missing.
    /// </summary>
    Task<TestSummary> RunAsync(TargetContext context);
}
