namespace Pipeline;

/// <summary>
/// Files one target makes and others read: test results, packages, binaries. Locally they simply
/// stay on disk; in a generated workflow the producing job uploads them and every job that
/// consumes them downloads them first. Declare each once (a static field) and pass it to
/// <c>Produces</c> and <c>Consumes</c>.
/// </summary>
/// <param name="Name">The artifact's name in CI: letters, digits, <c>-</c>, <c>_</c>, <c>.</c>.</param>
/// <param name="Paths">Files, folders or globs relative to the repository root.</param>
public sealed record Artifact(string Name, IReadOnlyList<string> Paths)
{
    /// <summary>Uploaded even when the target fails (test results: most useful then).</summary>
    public bool EvenOnFailure { get; init; }

    /// <summary>Days the CI service keeps it; null for the service's default.</summary>
    public int? RetentionDays { get; init; }

    public static Artifact Of(string name, params string[] paths)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"'{name}' is not a valid artifact name: use letters, digits, '-', '_' and '.'.", nameof(name));
        }

        if (paths.Length == 0 || paths.Any(p => p.Length == 0 || Path.IsPathRooted(p) || p.Contains('\n', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Artifact {name} needs one or more relative paths.", nameof(paths));
        }

        return new Artifact(name, paths);
    }

    public bool Equals(Artifact? other) =>
        other is not null && Name == other.Name && Paths.SequenceEqual(other.Paths) &&
        EvenOnFailure == other.EvenOnFailure && RetentionDays == other.RetentionDays;

    public override int GetHashCode() => HashCode.Combine(Name, Paths.Count, EvenOnFailure, RetentionDays);

    public override string ToString() => Name;
}
