namespace Pipeline.Delivery;

/// <summary>Whether a deployment changed anything.</summary>
public enum DeploymentOutcome
{
    /// <summary>The environment now runs the new image.</summary>
    Updated,

    /// <summary>The environment already ran this image: nothing was changed (no new revision, commit or container).</summary>
    Unchanged,

    /// <summary>The new image took the traffic, failed its health checks and the traffic went back to what ran before.</summary>
    RolledBack,
}

/// <summary>How a deployment ended and where the deployed application answers.</summary>
/// <param name="Url">Where the application answers, when the driver knows (GitHub's environment_url).</param>
/// <param name="Summary">One line for the log and the run summary: "unchanged", "already at 3f2a1bc"…</param>
public sealed record DeploymentResult(DeploymentOutcome Outcome, Uri? Url, string Summary)
{
    /// <summary>The local container the application runs in, when there is one (its logs explain a failed smoke test).</summary>
    public string? Container { get; init; }

    /// <summary>The colour that takes the traffic after this deployment (blue-green only).</summary>
    public DeploymentColor? Color { get; init; }

    /// <summary>The image that answers after this deployment when it is not the one requested (after a rollback).</summary>
    public string? Image { get; init; }

    public bool Changed => Outcome == DeploymentOutcome.Updated;
}
