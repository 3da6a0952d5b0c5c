using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline;

/// <summary>
/// <c>hashFiles(…)</c> computed as the runner does: the SHA-256 of each matched file, in path order,
/// hashed together; "" when nothing matches. Patterns are relative to the workspace; <c>**</c>
/// crosses folders, <c>*</c> and <c>?</c> do not, and a leading <c>!</c> excludes.
/// </summary>
internal static class LocalFileHash
{
    public static string Of(string workspace, IReadOnlyList<string> patterns)
    {
        var includes = patterns.Where(p => !p.StartsWith('!')).Select(ToRegex).ToList();
        var excludes = patterns.Where(p => p.StartsWith('!')).Select(p => ToRegex(p[1..])).ToList();
        var files = Directory.EnumerateFiles(workspace, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(workspace, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal))
            .Where(f => includes.Any(r => r.IsMatch(f)) && !excludes.Any(r => r.IsMatch(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            return "";
        }

        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            using var stream = File.OpenRead(Path.Combine(workspace, file));
            all.AppendData(SHA256.HashData(stream));
        }

        return Convert.ToHexStringLower(all.GetHashAndReset());
    }

    private static Regex ToRegex(string pattern)
    {
        var glob = pattern.Replace('\\', '/'); glob = glob.StartsWith("./", StringComparison.Ordinal) ? glob[2..] : glob;
        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            regex.Append(glob[i] switch
            {
                '*' when i + 1 < glob.Length && glob[i + 1] == '*' => AnyFolders(glob, ref i),
                '*' => "[^/]*",
                '?' => "[^/]",
                var c => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    // "**/" matches no folder or any number of them; a trailing "**" matches everything below.
    private static string AnyFolders(string glob, ref int i)
    {
        i++;
        if (i + 1 < glob.Length && glob[i + 1] == '/')
        {
            i++;
            return "(?:.*/)?";
        }

        return ".*";
    }
}
