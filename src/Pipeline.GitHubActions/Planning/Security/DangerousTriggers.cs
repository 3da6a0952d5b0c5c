using System.Text.RegularExpressions;

namespace Pipeline.GitHubActions;

/// <summary>
/// pull_request_target and workflow_run run with this repository's secrets and a token that may
/// write, also for pull requests from forks: written with a warning. Checking out the pull request's
/// head there runs its author's code with both, and is refused.
/// </summary>
internal sealed partial class DangerousTriggers : ISecurityRule
{
    public string Audit => "dangerous-triggers";

    public IEnumerable<SecurityFinding> Check(SecurityScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var others = scope.Workflow.Surface;
        var trigger = others.PullRequestTarget is not null ? "pull_request_target" : others.WorkflowRun is not null ? "workflow_run" : null;
        if (trigger is null)
        {
            yield break;
        }

        yield return new SecurityFinding(
            $"{trigger} runs with this repository's secrets and a GITHUB_TOKEN that may write, also for pull requests from forks. " +
            "The generated checkout takes the base branch, not the pull request's code; checking out the pull request would run untrusted code with them.",
            Warning: true);
        foreach (var (_, _, owner) in scope.Steps.Where(s => SecurityScope.Uses(s.Step, DefaultActions.Checkout)
            && SecurityScope.With(s.Step, "ref") is { } reference && HeadRef().IsMatch(reference)))
        {
            yield return new SecurityFinding(
                $"{owner} checks out the pull request's head under {trigger}: its build would run code from the pull request's author with this repository's secrets. " +
                "Build pull requests in a pull_request workflow, and hand its results to this one as artifacts.");
        }
    }

    [GeneratedRegex(@"pull_request\.head|head_ref|refs/pull/|workflow_run\.head")]
    private static partial Regex HeadRef();
}
