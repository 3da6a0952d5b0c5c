namespace Pipeline.Execution.Incremental;

/// <summary>Whether a target (or matrix cell) with declared inputs runs, and why, in one line either way.</summary>
/// <param name="Restored">When up to date: the run whose typed output values its dependents read.</param>
internal sealed record UpToDateDecision(bool IsUpToDate, string Reason, Fingerprint Fingerprint, FingerprintRecord? Restored = null)
{
    public static UpToDateDecision Runs(Fingerprint fingerprint, string reason) => new(false, reason, fingerprint);

    public static UpToDateDecision UpToDate(Fingerprint fingerprint, string reason, FingerprintRecord record) => new(true, reason, fingerprint, record);
}
