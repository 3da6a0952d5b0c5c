namespace Pipeline.Components.Linting;

/// <summary>One linting tool over one part of the repository.</summary>
public interface ILinter
{
    /// <summary>Shown in logs: the tool and what it covers, e.g. <c>go vet services/events</c>.</summary>
    string Name { get; }

    /// <summary>The toolchain the linter runs, so a generated job sets it up.</summary>
    Toolchain Toolchain { get; }

    /// <summary>Programs it runs beyond its toolchain's, checked before any target starts.</summary>
    IEnumerable<RequiredTool> Tools => [];

    /// <summary>Runs the tool; findings are returned, not thrown: the caller decides what fails.</summary>
    Task<LintReport> LintAsync(TargetContext context);
}
