using System.Text.Json;

namespace Pipeline.Execution.Incremental;

/// <summary>The last successful run of each target and matrix cell, one file each under <c>.nuke/temp/fingerprints/</c>.</summary>
internal sealed class FingerprintStore(AbsolutePath root)
{
    public AbsolutePath Directory => root / ".nuke" / "temp" / "fingerprints";

    public FingerprintRecord? Read(string target, MatrixCell? cell)
    {
        var path = PathOf(target, cell);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<FingerprintRecord>(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            return null; // a damaged record only means running once more
        }
    }

    public void Write(FingerprintRecord record)
    {
        var path = PathOf(record.Target, record.Cell);
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(temporary, JsonSerializer.Serialize(record));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Before a target runs: whatever happens to it, its earlier success no longer describes its outputs.</summary>
    public void Forget(string target, MatrixCell? cell)
    {
        var path = PathOf(target, cell);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private AbsolutePath PathOf(string target, string? cell) =>
        Directory / (cell is null ? target + ".json" : $"{target}@{TargetDirectories.CellName(cell)}.json");

    private AbsolutePath PathOf(string target, MatrixCell? cell) => PathOf(target, cell?.ToString());
}
