using Pipeline.Processes;

namespace Pipeline.Execution.Incremental;

/// <summary>
/// The up-to-date check of targets that declare inputs: their fingerprint against the record of
/// their last success and the local cache, and, after a success, the new record and cache entry.
/// A failed or canceled run writes neither, and running forgets the old record first.
/// </summary>
internal sealed class IncrementalTargets(
    AbsolutePath root, ParameterValues parameters, IReadOnlyDictionary<string, string> variables, ProcessRunner processes)
{
    private readonly InputReader _inputs = new(root, parameters, variables, new FileHashes(root), processes);
    private readonly FingerprintStore _records = new(root);
    private readonly OutputCache _cache = new(root, OutputCache.LimitFrom(variables));

    /// <summary>
    /// Decides; when <paramref name="restore"/> (a run, not <c>--plan</c>) it also brings missing or
    /// other outputs back from the cache and makes its record the target's last success.
    /// </summary>
    public async Task<UpToDateDecision> DecideAsync(
        TargetDefinition target, MatrixCell? cell, bool forced, Func<IOutput, string?> outputValue, bool restore, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(target);
        var fingerprint = await FingerprintAsync(target, cell, outputValue, cancellation).ConfigureAwait(false);
        if (forced)
        {
            return UpToDateDecision.Runs(fingerprint, "--force");
        }

        var last = _records.Read(target.Name, cell);
        if (last?.Key == fingerprint.Key && HasEveryValue(target, last))
        {
            var missing = target.OutputFilesOf(cell).Where(o => !File.Exists(root / o) && !Directory.Exists(root / o)).ToList();
            if (missing.Count == 0)
            {
                return UpToDateDecision.UpToDate(fingerprint, "no input changed since its last success", last);
            }

            if (FromCache(target, cell, fingerprint, restore) is { } restored)
            {
                return UpToDateDecision.UpToDate(fingerprint, $"no input changed; {string.Join(", ", missing)} restored from the local cache", restored);
            }

            return UpToDateDecision.Runs(fingerprint, $"its output {string.Join(", ", missing)} is missing and not in the local cache");
        }

        if (FromCache(target, cell, fingerprint, restore) is { } cached)
        {
            return UpToDateDecision.UpToDate(fingerprint, "its inputs match an earlier success; outputs restored from the local cache", cached);
        }

        return UpToDateDecision.Runs(fingerprint, last is null ? "no earlier success recorded" : Fingerprint.Describe(Fingerprint.Changes(last.Inputs, fingerprint.Inputs)));
    }

    /// <summary>Its fingerprint alone, as <see cref="DecideAsync"/> computes it: what <c>--fingerprints</c> prints for CI's cache key.</summary>
    public async Task<Fingerprint> FingerprintAsync(TargetDefinition target, MatrixCell? cell, Func<IOutput, string?> outputValue, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(target);
        var inputs = (target.Inputs ?? throw new ArgumentException($"{target.Name} declares no inputs.", nameof(target))).For(root, cell);
        return Fingerprint.Of(target.Name, cell, await _inputs.ReadAsync(inputs, outputValue, cancellation).ConfigureAwait(false));
    }

    /// <summary>
    /// Before it runs: a failure or cancellation must leave no success behind to be up to date
    /// against — neither its record nor a cached success of the same inputs, which failed this time.
    /// </summary>
    public void Forget(TargetDefinition target, MatrixCell? cell, Fingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(fingerprint);
        _records.Forget(target.Name, cell);
        _cache.Remove(fingerprint.Key);
    }

    /// <summary>After a success: the record (with its typed output values) and the cache entry of its outputs.</summary>
    public void Remember(TargetDefinition target, MatrixCell? cell, Fingerprint fingerprint, Func<IOutput, string?> outputValue)
    {
        ArgumentNullException.ThrowIfNull(target);
        var outputs = target.OutputsProduced
            .Select(o => (o.Name, Value: outputValue(o)))
            .Where(o => o.Value is not null)
            .ToDictionary(o => o.Name, o => o.Value!, StringComparer.Ordinal);
        var record = new FingerprintRecord(target.Name, cell?.ToString(), fingerprint.Key, fingerprint.Inputs, outputs, DateTimeOffset.UtcNow);
        _cache.Store(record, target.OutputFilesOf(cell));
        _records.Write(record);
    }

    /// <summary>A record from before the target produced an output has no value for it: not up to date.</summary>
    private static bool HasEveryValue(TargetDefinition target, FingerprintRecord record) =>
        target.OutputsProduced.All(o => record.Outputs.ContainsKey(o.Name));

    private FingerprintRecord? FromCache(TargetDefinition target, MatrixCell? cell, Fingerprint fingerprint, bool restore)
    {
        if (_cache.Read(fingerprint.Key) is not { } cached || !HasEveryValue(target, cached))
        {
            return null;
        }

        if (!restore)
        {
            return cached;
        }

        if (_cache.Restore(fingerprint.Key, target.OutputFilesOf(cell)) is not { } restored)
        {
            return null;
        }

        _records.Write(restored);
        return restored;
    }
}
