namespace Pipeline;

/// <summary>
/// A step a target's CI job runs besides <c>./build.sh</c>, declared by the target itself (usually a
/// component): a tool installed through its action, or a result handed to the CI service (a SARIF file
/// to code scanning). A local run does not run it: the target's tool preflight and its own code cover
/// what the step does in CI. <c>--plan</c> lists it beside the target.
/// </summary>
public sealed record CiStep
{
    private CiStep(string name, string? uses, string? run) => (Name, Uses, Run) = (name, uses, run);

    /// <summary>Shown as the step's name.</summary>
    public string Name { get; }

    /// <summary>The action, <c>owner/repo[/path]@ref</c>, or null for a command.</summary>
    public string? Uses { get; }

    /// <summary>The shell command, or null for an action.</summary>
    public string? Run { get; }

    /// <summary>The action's inputs, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> With { get; init; } = [];

    /// <summary>Before the build step (set-up), or after it (hand-over of what the build wrote).</summary>
    public CiStepPlacement Placement { get; init; } = CiStepPlacement.BeforeBuild;

    /// <summary>The step's <c>if:</c> as the CI service writes it (<c>always()</c>), or null.</summary>
    public string? If { get; init; }

    /// <summary>What the step needs of the CI token beyond the job's own: granted to its job only.</summary>
    public IReadOnlyList<CiTokenGrant> Permissions { get; init; } = [];

    /// <summary>An action step: <c>CiStep.Action("Install Trivy", "aquasecurity/setup-trivy@v0.2.3", ("version", "v0.61.0"))</c>.</summary>
    public static CiStep Action(string name, string uses, params (string Input, string Value)[] with)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(uses);
        return new CiStep(name, uses, null) { With = [.. with.Select(w => KeyValuePair.Create(w.Input, w.Value))] };
    }

    /// <summary>A command step, run by the job's shell.</summary>
    public static CiStep Command(string name, string run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(run);
        return new CiStep(name, null, run);
    }

    public bool Equals(CiStep? other) =>
        other is not null && Name == other.Name && Uses == other.Uses && Run == other.Run && With.SequenceEqual(other.With) &&
        Placement == other.Placement && If == other.If && Permissions.SequenceEqual(other.Permissions);

    public override int GetHashCode() => HashCode.Combine(Name, Uses, Run, Placement, If);

    public override string ToString() => Name;
}

/// <summary>Where a <see cref="CiStep"/> goes in its job.</summary>
public enum CiStepPlacement
{
    /// <summary>After checkout, set-up and downloads, before <c>./build.sh</c>.</summary>
    BeforeBuild,

    /// <summary>After <c>./build.sh</c> and the artifact uploads.</summary>
    AfterBuild,
}

/// <summary>
/// One permission of the CI token a <see cref="CiStep"/> needs (GitHub: a key under <c>permissions:</c>,
/// e.g. <c>security-events</c>), with read or write access.
/// </summary>
public sealed record CiTokenGrant(string Name, bool Write)
{
    /// <summary>Uploads to code scanning (SARIF).</summary>
    public static CiTokenGrant SecurityEventsWrite { get; } = new("security-events", Write: true);

    public override string ToString() => $"{Name}: {(Write ? "write" : "read")}";
}
