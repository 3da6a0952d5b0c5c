using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Execution;

/// <summary>
/// Each target's own directory under <c>.nuke/temp/targets/</c>, and each matrix cell's own below
/// it, so two legs running side by side never write the same file.
/// </summary>
internal static class TargetDirectories
{
    public static AbsolutePath For(AbsolutePath root, string target, MatrixCell? cell)
    {
        var directory = root / ".nuke" / "temp" / "targets" / target;
        return cell is null ? directory : directory / CellName(cell.ToString());
    }

    /// <summary>Empties what an earlier run left and creates it.</summary>
    public static AbsolutePath Fresh(AbsolutePath directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>
    /// A file name for a cell (<c>os=linux, arch=x64</c>): readable, and unique even when two cells'
    /// values read the same once cleaned, as a short hash of the whole cell follows.
    /// </summary>
    public static string CellName(string cell)
    {
        var readable = new string([.. cell.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cell)))[..8];
        return $"{(readable.Length > 60 ? readable[..60] : readable)}-{hash}";
    }
}
