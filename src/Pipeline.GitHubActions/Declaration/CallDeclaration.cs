namespace Pipeline.GitHubActions;

/// <summary>
/// A job that calls a reusable workflow (<c>uses:</c> at job level) instead of running steps, as
/// immutable data: what <see cref="CallSpec"/> declared.
/// </summary>
/// <param name="Callee">The workflow called: a workflow class of this pipeline, or a pinned remote one.</param>
/// <param name="Inherit">Passes every secret of the caller (<c>secrets: inherit</c>): generation warns.</param>
/// <param name="Permissions">The token's permissions in the call (they cap the callee's), or null for the workflow's.</param>
/// <param name="After">Targets whose jobs the call waits for besides those its expressions read (a table row only).</param>
internal sealed record CallDeclaration(
    CallCallee Callee,
    IReadOnlyList<CallInputValue> With,
    IReadOnlyList<CallSecret> Secrets,
    bool Inherit,
    IReadOnlyList<PermissionGrant>? Permissions,
    Condition? If,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Matrix,
    IReadOnlyList<Type> After,
    string? DisplayName);

/// <summary>A local workflow class (<see cref="Local"/>), or <c>owner/repo/.github/workflows/x.yml@sha</c> with the tag it stands for.</summary>
internal sealed record CallCallee(Type? Local, string? Remote, string? Tag)
{
    public string Describe => Local?.Name ?? Remote ?? "";
}

/// <summary>What kind of value a <c>with:</c> entry is, as the callee's input type reads it; <see cref="Any"/> for an untyped expression.</summary>
internal enum CallValueKind
{
    Text,
    Boolean,
    Number,
    Any,
}

/// <summary>One <c>with:</c> entry, for the callee's input of a parameter or, for a remote callee, by its id.</summary>
internal sealed record CallInputValue(IParameter? Parameter, string? Id, CallValueKind Kind, DeclaredText Value)
{
    public string Describe => Parameter?.Name ?? Id ?? "";
}

/// <summary>A secret passed to the callee: under the callee's name for <see cref="Callee"/> (or <see cref="Name"/>), from the caller's <see cref="From"/>.</summary>
internal sealed record CallSecret(IParameter? Callee, string? Name, IParameter From);

/// <summary>A call job declared by id rather than for a target: one row of a table (<see cref="WorkflowSpec.CallEach{TCallee, TRow}"/>).</summary>
internal sealed record RowCall(string Id, CallDeclaration Call);

/// <summary>The workflow can be called (<c>on.workflow_call</c>): its inputs from parameters (secret ones become its secrets) and its outputs.</summary>
internal sealed record WorkflowCallTrigger(IReadOnlyList<IParameter> Inputs, IReadOnlyList<IOutput> Outputs);

/// <summary>A job that needs every other job of the workflow and fails when one failed or was cancelled: the one required check.</summary>
internal sealed record AggregatorDeclaration(string Id, string? Name);
