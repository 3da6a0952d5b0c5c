namespace Pipeline.Delivery;

/// <summary>Whether a deployment changed anything.</summary>
public enum DeploymentOutcome
{
    /// <summary>The environment now runs the new image.</summary>
    Updated,

    /// <summary>The environment already ran this image: nothing was changed (no new revision, commit or container).</summary>
    Unchanged,
}

/// <summary>How a deployment ended and where the deployed application answers.</summary>
/// <param name="Url">Where the application answers, when the driver knows (GitHub's environment_url).</param>
/// <param name="Summary">One line for the log and the run summary: "unchanged", "already at 3f2a1bc"…</param>
public sealed record DeploymentResult(DeploymentOutcome Outcome, Uri? Url, string Summary)
{
    /// <summary>The local container the application runs in, when there is one (its logs explain a failed smoke test).</summary>
    public string? Container { get; init; }

    public bool Changed => Outcome == DeploymentOutcome.Updated;
}
