using System.Security.Cryptography;

namespace Pipeline;

/// <summary>
/// <c>hashFiles(…)</c> computed as the runner does: the SHA-256 of each matched file, in path order,
/// hashed together; "" when nothing matches. Patterns are relative to the workspace and matched as
/// a target's file inputs are; a leading <c>!</c> excludes from every pattern.
/// </summary>
internal static class LocalFileHash
{
    private const string GitDirectory = ".git/**";

    public static string Of(AbsolutePath root, IReadOnlyList<string> patterns)
    {
        string[] excludes = [GitDirectory, .. patterns.Where(p => p.StartsWith('!')).Select(p => Relative(p[1..]))];
        var files = InputFiles.Match(root, patterns.Where(p => !p.StartsWith('!')).Select(p => new FileInput(Relative(p), excludes)));
        if (files.Count == 0)
        {
            return "";
        }

        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            using var stream = File.OpenRead(root / file);
            all.AppendData(SHA256.HashData(stream));
        }

        return Convert.ToHexStringLower(all.GetHashAndReset());
    }

    private static string Relative(string pattern)
    {
        var glob = pattern.Replace('\\', '/');
        return glob.StartsWith("./", StringComparison.Ordinal) ? glob[2..] : glob;
    }
}
