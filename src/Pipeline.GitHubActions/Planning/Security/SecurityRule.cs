namespace Pipeline.GitHubActions;

/// <summary>
/// One class of workflow weakness that zizmor audits (its name in <see cref="Audit"/>), checked on
/// the planned workflow: the generator refuses to write what the auditor would flag, so every
/// generated workflow passes it by construction.
/// </summary>
internal interface ISecurityRule
{
    /// <summary>zizmor's name for the audit (<c>template-injection</c>), shown with each finding.</summary>
    string Audit { get; }

    IEnumerable<SecurityFinding> Check(SecurityScope scope);
}

/// <param name="Warning">True: written into the file as a warning; false: generation fails.</param>
internal sealed record SecurityFinding(string Message, bool Warning = false);

/// <param name="Publishes">Why the workflow publishes (tags, releases, a publishing target), or null.</param>
internal sealed record SecurityScope(WorkflowDeclaration Workflow, WorkflowModel Model, string? Publishes)
{
    /// <summary>Every step of every job, with the words that name it in a message.</summary>
    public IEnumerable<(JobModel Job, StepModel Step, string Owner)> Steps =>
        Model.Jobs.SelectMany(job => job.Steps.Select(step => (job, step, $"the job {job.Id}: its step '{step.Name}'")));

    public bool RunsOnPullRequests => Model.On.PullRequest is not null || Model.On.Others.PullRequestTarget is not null;

    /// <summary>Whether a step uses <paramref name="action"/> (or an action in its folders), at any ref.</summary>
    public static bool Uses(StepModel step, string action) =>
        step.Uses is { } uses
        && (uses.Split('@')[0].Equals(action, StringComparison.OrdinalIgnoreCase)
            || uses.StartsWith(action + "/", StringComparison.OrdinalIgnoreCase));

    public static string? With(StepModel step, string input) =>
        step.With.FirstOrDefault(w => w.Key == input) is { Key: not null } found ? found.Value : null;
}

/// <summary>The rules, one per file in this folder; each is run on every planned workflow.</summary>
internal static class SecurityRules
{
    public static IReadOnlyList<ISecurityRule> All { get; } =
    [
        new TemplateInjection(),
        new ExcessivePermissions(),
        new UnpinnedUses(),
        new UnpinnedImages(),
        new CachePoisoning(),
        new PersistedCredentials(),
        new SecretsInherit(),
        new DangerousTriggers(),
        new SelfHostedRunnerOnPullRequests(),
        new HardcodedCredentials(),
    ];

    /// <summary>Adds each finding that fails generation to <paramref name="problems"/>; returns the warnings.</summary>
    public static IReadOnlyList<string> Check(SecurityScope scope, Problems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var warnings = new List<string>();
        foreach (var rule in All)
        {
            foreach (var finding in rule.Check(scope))
            {
                var message = $"{finding.Message} ({rule.Audit})";
                if (finding.Warning)
                {
                    warnings.Add(message);
                }
                else
                {
                    problems.Add(message);
                }
            }
        }

        return warnings;
    }
}
