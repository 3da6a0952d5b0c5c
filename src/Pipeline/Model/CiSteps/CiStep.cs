namespace Pipeline;

/// <summary>Where a <see cref="CiStep"/> runs in its job: before <c>./build.sh</c> (setting something up) or after it (using what it made).</summary>
public enum CiStepPlacement
{
    BeforeBuild,
    AfterBuild,
}

/// <summary>
/// A CI step a target needs around it that a local run does without (setting up QEMU for foreign
/// platforms, signing an attestation with the job's OIDC token): an action, its inputs, and the
/// token permissions it needs. A component declares it (<see cref="TargetSpec.CiStep"/>); the workflow
/// generator writes it into the job that runs the target, references the action as it references its
/// own (pinned), and grants that job — only that one — the permissions.
/// </summary>
/// <param name="Name">The step's name on the run page.</param>
/// <param name="Action">The action, without a ref (<c>docker/setup-qemu-action</c>): the generator adds its pinned ref.</param>
public sealed record CiStep(string Name, string Action)
{
    public CiStepPlacement Placement { get; init; } = CiStepPlacement.BeforeBuild;

    /// <summary>The action's inputs (<c>with:</c>), in order.</summary>
    public IReadOnlyList<CiStepInput> With { get; init; } = [];

    /// <summary>The token permissions the step needs written (<c>id-token</c>, <c>attestations</c>).</summary>
    public IReadOnlyList<string> WritePermissions { get; init; } = [];

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

    /// <summary>The job needs these permissions written, for this step.</summary>
    public CiStep NeedsWrite(params IEnumerable<string> permissions) => this with { WritePermissions = [.. WritePermissions, .. permissions] };

    public override string ToString() => $"{Name} ({Action})";
}

/// <summary>One input of a <see cref="CiStep"/>: a fixed value, or an output of the target the step runs beside.</summary>
public sealed record CiStepInput(string Name, string? Value, IOutput? Output);
