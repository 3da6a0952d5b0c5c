namespace Pipeline.Components.Scanning;

/// <summary>What Trivy scans: a folder of the repository (<c>trivy fs</c>) or a container image (<c>trivy image</c>).</summary>
public sealed record ScanSubject
{
    private ScanSubject(string command, string value) => (Command, Value) = (command, value);

    /// <summary>Trivy's subcommand: <c>fs</c> or <c>image</c>.</summary>
    internal string Command { get; }

    /// <summary>The folder (relative to the root) or the image reference.</summary>
    public string Value { get; }

    /// <summary>Whether findings point at files under a folder (and so can be annotations on them).</summary>
    internal bool IsFolder => Command == "fs";

    /// <summary>A folder relative to the repository root: its lock files and manifests are scanned.</summary>
    public static ScanSubject Folder(string relativePath = ".")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        return Path.IsPathRooted(relativePath)
            ? throw new ArgumentException($"'{relativePath}' must be relative to the repository root.", nameof(relativePath))
            : new ScanSubject("fs", relativePath);
    }

    /// <summary>An image by reference (<c>registry/name:tag</c> or <c>name@sha256:…</c>), from the local engine or its registry.</summary>
    public static ScanSubject Image(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        return new ScanSubject("image", reference);
    }

    public override string ToString() => IsFolder ? $"folder {Value}" : $"image {Value}";
}
