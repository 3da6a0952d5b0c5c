namespace Pipeline;

/// <summary>A rooted, normalised file-system path. <c>root / "src" / "app.csproj"</c> joins segments.</summary>
public sealed record AbsolutePath
{
    public AbsolutePath(string path)
    {
        if (!System.IO.Path.IsPathFullyQualified(path))
        {
            throw new ArgumentException($"'{path}' is not an absolute path.", nameof(path));
        }

        Value = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));
        if (Value.Length == 0)
        {
            Value = System.IO.Path.GetPathRoot(path)!;
        }
    }

    public string Value { get; }

    public string Name => System.IO.Path.GetFileName(Value);

    public AbsolutePath? Parent => System.IO.Path.GetDirectoryName(Value) is { } parent ? new AbsolutePath(parent) : null;

    public static AbsolutePath operator /(AbsolutePath left, string right) =>
        new(System.IO.Path.Combine(left.Value, right));

    public static implicit operator string(AbsolutePath path) => path.Value;

    /// <summary>Resolves <paramref name="path"/> against <paramref name="baseDirectory"/> unless it is rooted.</summary>
    public static AbsolutePath Resolve(string path, AbsolutePath baseDirectory) =>
        new(System.IO.Path.IsPathFullyQualified(path) ? path : System.IO.Path.Combine(baseDirectory.Value, path));

    public string RelativeTo(AbsolutePath baseDirectory) => System.IO.Path.GetRelativePath(baseDirectory.Value, Value);

    public bool Exists => File.Exists(Value) || Directory.Exists(Value);

    public override string ToString() => Value;
}
