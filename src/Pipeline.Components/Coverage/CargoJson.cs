using System.Text.Json;

namespace Pipeline.Components.Coverage;

/// <summary>
/// What cargo says in JSON: the workspace and its packages (<c>cargo metadata --no-deps</c>), and the
/// executables a build made (<c>cargo test --no-run --message-format=json</c>). Paths are cargo's, the
/// same ones rustc writes into the coverage data (a symlinked folder is not resolved twice differently).
/// </summary>
internal static class CargoJson
{
    /// <summary>The workspace's root and each of its packages with the folder of its Cargo.toml.</summary>
    public static CargoWorkspace Workspace(string metadataJson)
    {
        using var document = JsonDocument.Parse(metadataJson);
        var root = document.RootElement;
        var packages = root.GetProperty("packages").EnumerateArray()
            .Select(p => new CratePackage(
                p.GetProperty("name").GetString()!,
                new AbsolutePath(p.GetProperty("manifest_path").GetString()!).Parent!))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        return new CargoWorkspace(new AbsolutePath(root.GetProperty("workspace_root").GetString()!), packages);
    }

    /// <summary>Every executable the build made or found fresh (test binaries, and the binaries integration tests run), in order, once each.</summary>
    public static IReadOnlyList<string> Executables(IEnumerable<string> messageLines) =>
        [.. messageLines
            .Where(l => l.StartsWith('{'))
            .Select(l =>
            {
                using var message = JsonDocument.Parse(l);
                var root = message.RootElement;
                return root.TryGetProperty("reason", out var reason) && reason.GetString() == "compiler-artifact" &&
                    root.TryGetProperty("executable", out var executable) && executable.ValueKind == JsonValueKind.String
                    ? executable.GetString()
                    : null;
            })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];
}

/// <summary>A Cargo workspace as <c>cargo metadata</c> has it.</summary>
internal sealed record CargoWorkspace(AbsolutePath Root, IReadOnlyList<CratePackage> Packages)
{
    /// <summary>The package whose folder holds <paramref name="file"/> (the innermost, for a package nested in another's folder); null for a file of none.</summary>
    public CratePackage? Owner(AbsolutePath file) =>
        Packages.Where(p => file.Value.StartsWith(p.Directory.Value + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .MaxBy(p => p.Directory.Value.Length);
}

/// <summary>A package of the workspace: its name (the report's package) and its folder.</summary>
internal sealed record CratePackage(string Name, AbsolutePath Directory);
