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
    /// <summary>The workflows being declared on this thread: <c>OnWorkflowRun&lt;T&gt;</c> declares T to read its name, and must not loop.</summary>
    [ThreadStatic]
    private static HashSet<Type>? t_declaring;

    protected abstract void Configure(WorkflowSpec workflow);

    /// <summary>Runs <see cref="Configure"/> on a new builder and returns the frozen copy of what it declared.</summary>
    internal WorkflowDeclaration Declare()
    {
        t_declaring ??= [];
        if (!t_declaring.Add(GetType()))
        {
            throw new DefinitionException(
                $"Workflow {GetType().Name} is triggered by workflow_run of itself, directly or through other workflows: each run would start the next. Remove one OnWorkflowRun.");
        }

        try
        {
            var spec = new WorkflowSpec(GetType());
            Configure(spec);
            return spec.ToDeclaration();
        }
        finally
        {
            t_declaring.Remove(GetType());
        }
    }
}
