namespace Pipeline;

/// <summary>Where a <see cref="CiStep"/> goes in its job.</summary>
public enum CiStepPlacement
{
    /// <summary>After checkout, set-up and downloads, before <c>./build.sh</c> (setting something up).</summary>
    BeforeBuild,

    /// <summary>After <c>./build.sh</c> and the artifact uploads (using what the build made).</summary>
    AfterBuild,
}

/// <summary>
/// A step a target's CI job runs besides <c>./build.sh</c>, declared by the target itself (usually a
/// component): a tool installed through its action (Trivy, QEMU), or a result handed to the CI service
/// (a SARIF file to code scanning, an attestation signed with the job's OIDC token). A local run does
/// without it: the target's tool preflight and its own code cover what the step does in CI. The
/// generator writes it into the job that runs the target, references the action from the action lock
/// as it references its own, and grants that job — only that one — the <see cref="Permissions"/>.
/// <c>--plan</c> lists it beside the target.
/// </summary>
public sealed record CiStep
{
    private CiStep(string name, string? uses, string? run) => (Name, Uses, Run) = (name, uses, run);

    /// <summary>Shown as the step's name.</summary>
    public string Name { get; }

    /// <summary>The action without a ref (<c>docker/setup-qemu-action</c>): the lock gives its commit. Null for a command.</summary>
    public string? Uses { get; }

    /// <summary>The shell command, or null for an action.</summary>
    public string? Run { get; }

    /// <summary>The action's inputs (<c>with:</c>), in order.</summary>
    public IReadOnlyList<CiStepInput> With { get; init; } = [];

    public CiStepPlacement Placement { get; init; } = CiStepPlacement.BeforeBuild;

    /// <summary>The step's <c>if:</c> as the CI service writes it (<c>always()</c>), or null.</summary>
    public string? If { get; init; }

    /// <summary>What the step needs of the CI token beyond the job's own: granted to its job only.</summary>
    public IReadOnlyList<CiTokenGrant> Permissions { get; init; } = [];

    /// <summary>An action step: <c>CiStep.Action("Install Trivy", "aquasecurity/setup-trivy", ("version", "v0.61.0"))</c>.</summary>
    public static CiStep Action(string name, string uses, params (string Input, string Value)[] with)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(uses);
        if (uses.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"write the action without a ref ('{uses[..uses.IndexOf('@', StringComparison.Ordinal)]}'): the action lock gives its commit.", nameof(uses));
        }

        return new CiStep(name, uses, null) { With = [.. with.Select(w => new CiStepInput(w.Input, w.Value, null))] };
    }

    /// <summary>A command step, run by the job's shell.</summary>
    public static CiStep Command(string name, string run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(run);
        return new CiStep(name, null, run);
    }

    /// <summary>An input with a fixed value.</summary>
    public CiStep WithInput(string name, string value) => this with { With = [.. With, new CiStepInput(name, value, null)] };

    /// <summary>An input from an output the target produces: the value its build step wrote (so an after-build step).</summary>
    public CiStep WithInput(string name, IOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return this with { With = [.. With, new CiStepInput(name, null, output)] };
    }

    /// <summary>The step runs after <c>./build.sh</c>.</summary>
    public CiStep AfterBuild() => this with { Placement = CiStepPlacement.AfterBuild };

    /// <summary>The job's token needs these grants, for this step.</summary>
    public CiStep Needs(params IEnumerable<CiTokenGrant> grants) => this with { Permissions = [.. Permissions, .. grants] };

    public bool Equals(CiStep? other) =>
        other is not null && Name == other.Name && Uses == other.Uses && Run == other.Run && With.SequenceEqual(other.With) &&
        Placement == other.Placement && If == other.If && Permissions.SequenceEqual(other.Permissions);

    public override int GetHashCode() => HashCode.Combine(Name, Uses, Run, Placement, If);

    public override string ToString() => Uses is null ? Name : $"{Name} ({Uses})";
}

/// <summary>One input of a <see cref="CiStep"/>: a fixed value, or an output of the target the step runs beside.</summary>
public sealed record CiStepInput(string Name, string? Value, IOutput? Output);

/// <summary>
/// One permission of the CI token a <see cref="CiStep"/> needs (GitHub: a key under <c>permissions:</c>),
/// with read or write access.
/// </summary>
public sealed record CiTokenGrant(string Name, bool Write)
{
    /// <summary>Uploads to code scanning (SARIF).</summary>
    public static CiTokenGrant SecurityEventsWrite { get; } = new("security-events", Write: true);

    /// <summary>Requests the job's OIDC token (signing attestations).</summary>
    public static CiTokenGrant IdTokenWrite { get; } = new("id-token", Write: true);

    /// <summary>Stores attestations with GitHub.</summary>
    public static CiTokenGrant AttestationsWrite { get; } = new("attestations", Write: true);

    public override string ToString() => $"{Name}: {(Write ? "write" : "read")}";
}
