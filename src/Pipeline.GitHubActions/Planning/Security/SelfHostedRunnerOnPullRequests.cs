namespace Pipeline.GitHubActions;

/// <summary>
/// A self-hosted runner keeps state between jobs and sits in its owner's network: a workflow that
/// pull requests (a fork's included) trigger would run their code on it. A warning, as zizmor reports
/// it only at its pedantic level: the generator cannot see whether the runner is ephemeral, or whether
/// the repository is private or requires approval for outside contributors' runs.
/// </summary>
internal sealed class SelfHostedRunnerOnPullRequests : ISecurityRule
{
    public string Audit => "self-hosted-runner";

    public IEnumerable<SecurityFinding> Check(SecurityScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.RunsOnPullRequests)
        {
            return [];
        }

        return scope.Model.Jobs
            .Where(job => job.RunsOn.Any(label => label.Equals("self-hosted", StringComparison.OrdinalIgnoreCase)))
            .Select(job => new SecurityFinding(
                $"the job {job.Id} runs on a self-hosted runner in a workflow that pull requests trigger, so a pull request's code runs on that machine: " +
                "use a GitHub-hosted runner for pull requests, or run this job from a workflow they do not trigger.", Warning: true));
    }
}
