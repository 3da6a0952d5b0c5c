namespace Pipeline.GitHubActions;

/// <summary>
/// A GitHub Actions workflow, declared in C# next to the targets it runs. Each subclass becomes one
/// file in <c>.github/workflows/</c>; its jobs, their <c>needs</c>, conditions, matrices and services
/// all come from the target graph.
/// <code>
/// sealed class PullRequest : Workflow
/// {
///     protected override void Configure(WorkflowSpec workflow) => workflow
///         .OnPullRequest(branches: ["main"])
///         .Job&lt;Lint&gt;().Job&lt;Test&gt;().Job&lt;Build&gt;();
/// }
/// </code>
/// </summary>
public abstract class Workflow
{
    protected abstract void Configure(WorkflowSpec workflow);

    /// <summary>Runs <see cref="Configure"/> on a new builder and returns the frozen copy of what it declared.</summary>
    internal WorkflowDeclaration Declare()
    {
        var spec = new WorkflowSpec(GetType());
        Configure(spec);
        return spec.ToDeclaration();
    }
}
