namespace Pipeline;

/// <summary>
/// A language toolchain a target runs (beyond .NET, which runs the pipeline itself). A generated
/// job sets it up from its version file and caches its package folders, keyed on its lock files.
/// </summary>
/// <param name="Name">dotnet, go, cargo, node: the generator knows how to set these up.</param>
/// <param name="VersionFile">The file that pins its version (global.json, go.mod, .nvmrc), if any.</param>
/// <param name="CachePaths">Folders worth keeping between runs (package caches, not build outputs of the repo).</param>
/// <param name="LockFiles">Globs whose content decides the cache key.</param>
public sealed record Toolchain(string Name, string? VersionFile, IReadOnlyList<string> CachePaths, IReadOnlyList<string> LockFiles)
{
    public static Toolchain DotNet { get; } = new(
        "dotnet", "global.json", ["~/.nuget/packages"], ["**/*.csproj", "**/Directory.Packages.props", "**/packages.lock.json", "global.json"])
    { Tool = RequiredTool.DotNet };

    public static Toolchain Go { get; } =
        new("go", "go.mod", ["~/go/pkg/mod", "~/.cache/go-build"], ["**/go.sum", "**/go.mod"]) { Tool = RequiredTool.Go };

    public static Toolchain Cargo { get; } =
        new("cargo", null, ["~/.cargo/registry", "~/.cargo/git", "target"], ["**/Cargo.lock", "**/Cargo.toml"]) { Tool = RequiredTool.Cargo };

    public static Toolchain Node { get; } =
        new("node", ".nvmrc", ["~/.npm"], ["**/package-lock.json", "**/package.json"]) { Tool = RequiredTool.Node };

    /// <summary>The program a target that uses the toolchain runs: checked before any target starts.</summary>
    public RequiredTool? Tool { get; init; }

    /// <summary>The same toolchain with its version file (or go.mod) somewhere else, e.g. in a service's folder.</summary>
    public Toolchain WithVersionFile(string? relativePath) => this with { VersionFile = relativePath };

    public bool Equals(Toolchain? other) =>
        other is not null && Name == other.Name && VersionFile == other.VersionFile &&
        CachePaths.SequenceEqual(other.CachePaths) && LockFiles.SequenceEqual(other.LockFiles);

    public override int GetHashCode() => HashCode.Combine(Name, VersionFile);
}
