using Pipeline.Components.Tools;

namespace Pipeline.Components.Scanning;

/// <summary>
/// What Trivy scans: a folder of the repository (<c>trivy fs</c>), a container image (<c>trivy image</c>),
/// or an image saved with <c>docker save</c> (<c>trivy image --input</c>, no Docker engine needed).
/// </summary>
public sealed record ScanSubject
{
    private ScanSubject(string command, string value, bool isArchive = false) => (Command, Value, IsArchive) = (command, value, isArchive);

    /// <summary>Trivy's subcommand: <c>fs</c> or <c>image</c>.</summary>
    internal string Command { get; }

    /// <summary>The folder (relative to the root), the image reference, or the archive's path.</summary>
    public string Value { get; }

    /// <summary>Whether findings point at files under a folder (and so can be annotations on them).</summary>
    internal bool IsFolder => Command == "fs";

    /// <summary>Whether <see cref="Value"/> is an image archive rather than a reference.</summary>
    internal bool IsArchive { get; }

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

    /// <summary>
    /// An image saved with <c>docker save</c> (a tar file, relative to the repository root or absolute): what a CI job
    /// that did not build the image scans, as its own Docker engine does not hold it.
    /// </summary>
    public static ScanSubject ImageArchive(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new ScanSubject("image", path, isArchive: true);
    }

    /// <summary>Trivy's arguments after its options: the folder or archive as an absolute path, or the reference.</summary>
    internal IReadOnlyList<string> Arguments(AbsolutePath root) =>
        IsFolder ? [ReportedPath.Directory(Value, root).Value]
        : IsArchive ? ["--input", AbsolutePath.Resolve(Value, root).Value]
        : [Value];

    public override string ToString() => IsFolder ? $"folder {Value}" : IsArchive ? $"image archive {Value}" : $"image {Value}";
}
