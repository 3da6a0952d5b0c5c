namespace Pipeline.Components.Coverage;

/// <summary>Runs one place's tests with coverage on and returns Cobertura XML files.</summary>
public interface ICoverageSource
{
    /// <summary>Names the source in logs: <c>go services/events</c>.</summary>
    string Name { get; }

    /// <summary>The toolchain CI must set up for it.</summary>
    Toolchain Toolchain { get; }

    /// <summary>Programs it runs beyond its toolchain's, checked before any target starts.</summary>
    IEnumerable<RequiredTool> Tools => [];

    /// <summary>Steps its CI job runs before the build (adding a toolchain component, say).</summary>
    IEnumerable<CiStep> CiSteps => [];

    /// <summary>Runs the tests; throws when they fail (coverage of a failing run would mislead).</summary>
    Task<IReadOnlyList<AbsolutePath>> CollectAsync(TargetContext context);
}
