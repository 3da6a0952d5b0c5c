namespace Pipeline.Components.Scanning;

/// <summary>A vulnerability's severity as Trivy grades it, least first, so a threshold compares with <c>&gt;=</c>.</summary>
public enum Severity
{
    /// <summary>Not graded by any source Trivy knows.</summary>
    Unknown,
    Low,
    Medium,
    High,
    Critical,
}
