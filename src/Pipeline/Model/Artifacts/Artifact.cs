namespace Pipeline;

/// <summary>
/// Files one target makes and others read: test results, packages, binaries. Locally they simply
/// stay on disk; in a generated workflow the producing job uploads them and every job that
/// consumes them downloads them first. Declare each once (a static field) and pass it to
/// <c>Produces</c> and <c>Consumes</c>. Several producers of one kind of files each produce a
/// <see cref="Member"/> of one family, and a target that consumes the family gets every member.
/// </summary>
/// <param name="Name">The artifact's name in CI: letters, digits, <c>-</c>, <c>_</c>, <c>.</c>.</param>
/// <param name="Paths">Files, folders or globs relative to the repository root.</param>
public sealed record Artifact(string Name, IReadOnlyList<string> Paths)
{
    /// <summary>Uploaded even when the target fails (test results: most useful then).</summary>
    public bool EvenOnFailure { get; init; }

    /// <summary>Days the CI service keeps it; null for the service's default.</summary>
    public int? RetentionDays { get; init; }

    /// <summary>The family it is a member of (see <see cref="Member"/>); null for an artifact on its own.</summary>
    public string? Family { get; init; }

    /// <summary>
    /// A member of this artifact's family, named <c>{Name}-{suffix}</c>, with its own paths: for several
    /// targets that each make files of one kind (each image build its images) and upload them apart. A
    /// target that consumes this artifact (the family) downloads every member, each where its producer wrote it.
    /// </summary>
    public Artifact Member(string suffix, params string[] paths) =>
        Of($"{Name}-{suffix}", paths) with { Family = Name, EvenOnFailure = EvenOnFailure, RetentionDays = RetentionDays };

    /// <summary>This artifact itself, or a member of its family.</summary>
    public bool Includes(Artifact other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Name == Name || other.Family == Name;
    }

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
        EvenOnFailure == other.EvenOnFailure && RetentionDays == other.RetentionDays && Family == other.Family;

    public override int GetHashCode() => HashCode.Combine(Name, Paths.Count, EvenOnFailure, RetentionDays);

    public override string ToString() => Name;
}
