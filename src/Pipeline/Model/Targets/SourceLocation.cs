namespace Pipeline;

/// <summary>
/// A place in a source file that a log annotation points at: a path relative to the repository
/// root (so GitHub can link it), a 1-based line and, when the tool reports one, a 1-based column.
/// </summary>
public sealed record SourceLocation(string File, int Line, int? Column = null)
{
    /// <summary>The compiler-style form people and editors recognise: <c>src/app.go:12:5</c>.</summary>
    public override string ToString() => Column is { } column ? $"{File}:{Line}:{column}" : $"{File}:{Line}";
}
