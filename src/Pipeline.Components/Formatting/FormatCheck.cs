namespace Pipeline.Components.Formatting;

/// <summary>What one formatter found: the files (relative to the root, '/'-separated) that differ from its format.</summary>
public sealed record FormatCheck(string Formatter, IReadOnlyList<string> Files)
{
    public bool IsClean => Files.Count == 0;
}
