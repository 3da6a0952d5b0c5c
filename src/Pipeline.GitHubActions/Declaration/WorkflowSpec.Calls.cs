namespace Pipeline.GitHubActions;

/// <summary>Reusable workflows: being called (<c>workflow_call</c>), calling one as a job, a table of calls and their aggregator.</summary>
public sealed partial class WorkflowSpec
{
    /// <summary>
    /// Other workflows can call this one (<c>on.workflow_call</c>). Each parameter becomes an input
    /// (a string, boolean or number, required unless it has a default, with its description) and
    /// a secret parameter a required secret; the secrets its jobs' targets read are required secrets
    /// too. A local run reads the same parameters from the command line.
    /// </summary>
    public WorkflowSpec OnWorkflowCall(params IParameter[] inputs) => Surface(s => s with
    {
        Call = new WorkflowCallTrigger([.. (s.Call?.Inputs ?? []).Union(inputs)], s.Call?.Outputs ?? []),
    });

    /// <summary>Outputs of the called workflow (<c>on.workflow_call.outputs</c>), each read from the job whose target produces it.</summary>
    public WorkflowSpec WorkflowCallOutput(params IOutput[] outputs) => Surface(s => s with
    {
        Call = new WorkflowCallTrigger(s.Call?.Inputs ?? [], [.. (s.Call?.Outputs ?? []).Union(outputs)]),
    });

    /// <summary>
    /// The job of <typeparamref name="TTarget"/> calls the workflow <typeparamref name="TCallee"/> of this
    /// pipeline (<c>uses: ./.github/workflows/&lt;its file&gt;.yml</c>) instead of running steps. Its
    /// needs and condition come from the target, as for any job; later jobs read its result with
    /// <c>Contexts.Needs&lt;TTarget&gt;()</c> and the outputs its targets produce, which the callee must declare.
    /// </summary>
    public WorkflowSpec Call<TTarget, TCallee>(Action<CallSpec>? configure = null)
        where TTarget : Target
        where TCallee : Workflow, new() =>
        AddCall(typeof(TTarget), new CallCallee(typeof(TCallee), null, null), configure);

    /// <summary>
    /// The job of <typeparamref name="TTarget"/> calls a workflow of another repository:
    /// <c>owner/repo/.github/workflows/x.yml@&lt;40-hex commit SHA&gt;</c>, with the tag it stands for
    /// (written as a comment). A branch or tag instead of a SHA fails generation.
    /// </summary>
    public WorkflowSpec Call<TTarget>(string workflow, string tag, Action<CallSpec>? configure = null) where TTarget : Target
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflow);
        return AddCall(typeof(TTarget), new CallCallee(null, workflow, tag), configure);
    }

    /// <summary>
    /// One call of <typeparamref name="TCallee"/> per row (a component of a monorepo), with the job id
    /// <paramref name="id"/> gives it; <paramref name="configure"/> sets each row's inputs, condition
    /// (its path filter) and matrix. The calls need the jobs their expressions read. Together with
    /// <see cref="Aggregate"/>, no row can be left out of the required check.
    /// </summary>
    public WorkflowSpec CallEach<TCallee, TRow>(IEnumerable<TRow> rows, Func<TRow, string> id, Action<TRow, CallSpec> configure)
        where TCallee : Workflow, new() =>
        AddRows(new CallCallee(typeof(TCallee), null, null), rows, id, configure);

    /// <summary>One call of a pinned remote workflow per row (see the local overload).</summary>
    public WorkflowSpec CallEach<TRow>(string workflow, string tag, IEnumerable<TRow> rows, Func<TRow, string> id, Action<TRow, CallSpec> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflow);
        return AddRows(new CallCallee(null, workflow, tag), rows, id, configure);
    }

    /// <summary>
    /// A job <paramref name="id"/> that needs every other job of this workflow — derived, so none can
    /// be forgotten — runs even when some were skipped, and fails when any of them failed or was
    /// cancelled: the one check a branch protection rule requires.
    /// </summary>
    public WorkflowSpec Aggregate(string id = "required", string? name = null) => Surface(s => s with { Aggregator = new AggregatorDeclaration(id, name) });

    private WorkflowSpec AddCall(Type target, CallCallee callee, Action<CallSpec>? configure)
    {
        var spec = new CallSpec(callee);
        configure?.Invoke(spec);
        _jobs.Add(new JobSpec(target).ToDeclaration() with { Call = spec.ToDeclaration() });
        return this;
    }

    private WorkflowSpec AddRows<TRow>(CallCallee callee, IEnumerable<TRow> rows, Func<TRow, string> id, Action<TRow, CallSpec> configure)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(configure);
        var calls = new List<RowCall>();
        foreach (var row in rows)
        {
            var spec = new CallSpec(callee);
            configure(row, spec);
            calls.Add(new RowCall(id(row), spec.ToDeclaration()));
        }

        return Surface(s => s with { Calls = [.. s.Calls, .. calls] });
    }
}
