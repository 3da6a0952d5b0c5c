using System.Text.Json;

namespace Pipeline.Execution.Incremental;

/// <summary>
/// The output files of recent successful runs under <c>.nuke/temp/cache/&lt;fingerprint&gt;/</c>, with
/// the record of the run, so outputs deleted since (or made by other inputs since) come back without
/// running. Bounded in size: after each store the least recently used entries go first.
/// </summary>
internal sealed class OutputCache(AbsolutePath root, long limitBytes)
{
    /// <summary>The variable that sets the bound, in MiB.</summary>
    public const string LimitVariable = "PIPELINE_CACHE_LIMIT_MB";

    public const long DefaultLimitBytes = 1L << 30;

    private const string RecordFile = "record.json";
    private const string FilesFolder = "files";

    private static readonly Lock Evicting = new();

    public AbsolutePath Directory => root / ".nuke" / "temp" / "cache";

    public static long LimitFrom(IReadOnlyDictionary<string, string> variables) =>
        long.TryParse(variables.GetValueOrDefault(LimitVariable), System.Globalization.CultureInfo.InvariantCulture, out var mib) && mib >= 0
            ? mib * 1024 * 1024
            : DefaultLimitBytes;

    public bool Has(string key) => File.Exists(Directory / key / RecordFile);

    /// <summary>Copies the outputs that exist and the record in; an entry larger than the whole bound is not kept.</summary>
    public void Store(FingerprintRecord record, IReadOnlyList<string> outputs)
    {
        var entry = Directory / record.Key;
        if (Has(record.Key))
        {
            Touch(entry);
            return;
        }

        // Built aside, then moved in whole: a reader never finds half an entry.
        var building = Directory / (".building-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            System.IO.Directory.CreateDirectory(building);
            long size = 0;
            foreach (var output in outputs)
            {
                size += Copy(root / output, building / FilesFolder / output);
            }

            if (size > limitBytes)
            {
                return;
            }

            File.WriteAllText(building / RecordFile, JsonSerializer.Serialize(new CacheEntry(record, size)));
            try
            {
                System.IO.Directory.Move(building, entry);
            }
            catch (IOException) when (Has(record.Key))
            {
                // Another run stored the same fingerprint first: same inputs, so the same outputs.
            }
        }
        finally
        {
            if (System.IO.Directory.Exists(building))
            {
                System.IO.Directory.Delete(building, recursive: true);
            }
        }

        Evict();
    }

    /// <summary>The record of the entry, or null when there is none.</summary>
    public FingerprintRecord? Read(string key)
    {
        try
        {
            return Has(key) ? JsonSerializer.Deserialize<CacheEntry>(File.ReadAllText(Directory / key / RecordFile))?.Record : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Replaces the declared outputs with the entry's copies and returns its record, or null when there is no entry.</summary>
    public FingerprintRecord? Restore(string key, IReadOnlyList<string> outputs)
    {
        if (Read(key) is not { } record)
        {
            return null;
        }

        var entry = Directory / key;
        foreach (var output in outputs)
        {
            Delete(root / output);
            Copy(entry / FilesFolder / output, root / output);
        }

        Touch(entry);
        return record;
    }

    public void Remove(string key) => Delete(Directory / key);

    private void Evict()
    {
        lock (Evicting)
        {
            var entries = new DirectoryInfo(Directory).EnumerateDirectories()
                .Where(d => !d.Name.StartsWith('.'))
                .Select(d => (Directory: d, Record: new FileInfo(Path.Combine(d.FullName, RecordFile))))
                .Where(e => e.Record.Exists)
                .Select(e => (e.Directory, Used: e.Record.LastWriteTimeUtc, Size: SizeOf(e.Record)))
                .OrderBy(e => e.Used)
                .ToList();
            var total = entries.Sum(e => e.Size);
            foreach (var oldest in entries)
            {
                if (total <= limitBytes)
                {
                    break;
                }

                Delete(new AbsolutePath(oldest.Directory.FullName));
                total -= oldest.Size;
            }
        }
    }

    private static long SizeOf(FileInfo record)
    {
        try
        {
            return JsonSerializer.Deserialize<CacheEntry>(File.ReadAllText(record.FullName))?.Size ?? 0;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return 0;
        }
    }

    private static void Touch(AbsolutePath entry) => File.SetLastWriteTimeUtc(entry / RecordFile, DateTime.UtcNow);

    /// <summary>Copies a file or a folder; returns the bytes copied (0 when there is nothing at <paramref name="from"/>).</summary>
    private static long Copy(AbsolutePath from, AbsolutePath to)
    {
        if (File.Exists(from))
        {
            System.IO.Directory.CreateDirectory(to.Parent!);
            File.Copy(from, to, overwrite: true);
            return new FileInfo(from).Length;
        }

        if (!System.IO.Directory.Exists(from))
        {
            return 0;
        }

        System.IO.Directory.CreateDirectory(to);
        long size = 0;
        foreach (var file in new DirectoryInfo(from).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file.FullName));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            file.CopyTo(target, overwrite: true);
            size += file.Length;
        }

        return size;
    }

    private static void Delete(AbsolutePath path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
        else if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }

    private sealed record CacheEntry(FingerprintRecord Record, long Size);
}
