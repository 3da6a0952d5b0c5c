namespace Pipeline.Components.Formatting;

/// <summary>Which of <c>dotnet format</c>'s passes to run; whitespace alone needs no compilation and is much faster.</summary>
public enum DotNetFormatScope
{
    All,
    Whitespace,
    Style,
    Analyzers,
}
