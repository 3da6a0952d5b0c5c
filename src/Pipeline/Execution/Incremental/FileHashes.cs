using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;

namespace Pipeline.Execution.Incremental;

/// <summary>
/// SHA-256 of files' content, remembered across runs in <c>.nuke/temp/file-hashes.json</c> by
/// path, length and modification time, so a warm fingerprint reads no file.
/// </summary>
internal sealed class FileHashes(AbsolutePath root)
{
    // Trade-off: an edit that keeps a file's length and its modification time (to the tick) is not
    // seen; the time is only trusted once it is older than this, so an edit in the same tick as the
    // hashing (coarse file-system clocks) is hashed again rather than missed.
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(2);

    private readonly Lock _saving = new();
    private ConcurrentDictionary<string, Entry>? _entries;
    private int _unsaved;

    private AbsolutePath FilePath => root / ".nuke" / "temp" / "file-hashes.json";

    public string HashOf(string relativePath)
    {
        var entries = Load();
        var info = new FileInfo(root / relativePath);
        var ticks = info.LastWriteTimeUtc.Ticks;
        if (entries.TryGetValue(relativePath, out var known) && known.Length == info.Length && known.Ticks == ticks)
        {
            return known.Hash;
        }

        string hash;
        using (var stream = info.OpenRead())
        {
            hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        if (DateTime.UtcNow - info.LastWriteTimeUtc > Settled)
        {
            entries[relativePath] = new Entry(info.Length, ticks, hash);
            Interlocked.Exchange(ref _unsaved, 1);
        }

        return hash;
    }

    /// <summary>Writes what was hashed since the last save (atomically: a reader never sees half a file).</summary>
    public void Save()
    {
        if (Interlocked.Exchange(ref _unsaved, 0) == 0 || _entries is not { } entries)
        {
            return;
        }

        lock (_saving)
        {
            Directory.CreateDirectory(FilePath.Parent!);
            var temporary = FilePath + "." + Guid.NewGuid().ToString("N")[..8];
            File.WriteAllText(temporary, JsonSerializer.Serialize(entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal)));
            File.Move(temporary, FilePath, overwrite: true);
        }
    }

    private ConcurrentDictionary<string, Entry> Load()
    {
        if (_entries is { } loaded)
        {
            return loaded;
        }

        var entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            if (File.Exists(FilePath) && JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllText(FilePath)) is { } saved)
            {
                foreach (var (path, entry) in saved)
                {
                    entries[path] = entry;
                }
            }
        }
        catch (JsonException)
        {
            // Only an optimization: a damaged file means hashing everything once more.
        }

        return Interlocked.CompareExchange(ref _entries, entries, null) ?? entries;
    }

    internal sealed record Entry(long Length, long Ticks, string Hash);
}
