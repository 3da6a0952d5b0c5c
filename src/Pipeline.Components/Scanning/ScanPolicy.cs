namespace Pipeline.Components.Scanning;

/// <summary>
/// What findings at or above the threshold do to the run. A pipeline picks one per run, e.g. warnings
/// in development and blocking for production (<see cref="ScanTarget.PolicyFor"/>).
/// </summary>
public enum ScanPolicy
{
    /// <summary>The scan fails, naming the findings.</summary>
    Blocking,

    /// <summary>The scan succeeds and reports the findings as warnings (annotations under GitHub Actions).</summary>
    WarningOnly,
}
