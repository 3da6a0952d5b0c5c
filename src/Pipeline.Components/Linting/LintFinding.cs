namespace Pipeline.Components.Linting;

/// <summary>One thing a linter reports, at a file (relative to the root, '/'-separated) and line.</summary>
/// <param name="Column">1-based, when the tool reports one.</param>
/// <param name="Rule">The diagnostic's id (<c>CS0168</c>, <c>E0425</c>, a golangci-lint linter) when the tool names one.</param>
public sealed record LintFinding(string File, int Line, int? Column, LogLevel Severity, string Message, string? Rule)
{
    public SourceLocation Location => new(File, Line, Column);

    public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()}: {Message}" + (Rule is null ? "" : $" [{Rule}]");
}
