namespace Pipeline.GitHubActions;

/// <summary>What a job that calls a reusable workflow writes instead of <c>runs-on</c> and <c>steps</c>.</summary>
/// <param name="Uses"><c>./.github/workflows/x.yml</c>, or <c>owner/repo/.github/workflows/x.yml@sha</c>.</param>
/// <param name="UsesComment">The tag a remote SHA stands for.</param>
/// <param name="Secrets">Callee secret name → the caller's value (<c>${{ secrets.X }}</c>); ignored when <paramref name="Inherit"/>.</param>
/// <param name="Matrix">Axes and values of <c>strategy.matrix</c> declared on the call itself.</param>
internal sealed record CallModel(
    string Uses,
    string? UsesComment,
    IReadOnlyList<CallWith> With,
    IReadOnlyList<KeyValuePair<string, string>> Secrets,
    bool Inherit,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Matrix);

/// <summary>One <c>with:</c> entry: booleans and numbers are written unquoted, so the callee reads their type.</summary>
internal sealed record CallWith(string Id, string Value, CallValueKind Kind);

/// <summary><c>on.workflow_call</c>: inputs (typed as workflow_dispatch inputs are), required secrets, outputs.</summary>
internal sealed record WorkflowCallModel(IReadOnlyList<DispatchInput> Inputs, IReadOnlyList<string> Secrets, IReadOnlyList<CallOutputModel> Outputs);

/// <param name="Value"><c>${{ jobs.&lt;job&gt;.outputs.&lt;id&gt; }}</c>.</param>
internal sealed record CallOutputModel(string Id, string Description, string Value);
