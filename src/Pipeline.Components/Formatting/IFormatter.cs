namespace Pipeline.Components.Formatting;

/// <summary>One formatting tool over one part of the repository (a Go module, a Cargo workspace, a .NET solution).</summary>
public interface IFormatter
{
    /// <summary>Shown in logs: the tool and what it covers, e.g. <c>gofmt services/events</c>.</summary>
    string Name { get; }

    /// <summary>The toolchain the formatter runs, so a generated job sets it up.</summary>
    Toolchain Toolchain { get; }

    /// <summary>Changes nothing; lists the files the tool would rewrite.</summary>
    Task<FormatCheck> CheckAsync(TargetContext context);

    /// <summary>Rewrites the files that are not formatted; returns them, relative to the root.</summary>
    Task<IReadOnlyList<string>> FixAsync(TargetContext context);
}
