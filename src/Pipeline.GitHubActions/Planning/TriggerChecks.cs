using System.Text.RegularExpressions;

namespace Pipeline.GitHubActions;

/// <summary>
/// The triggers beyond push, pull_request, schedule and dispatch: activity types GitHub knows, a
/// filter or its <c>-ignore</c> form (never both). What deserves a warning is DangerousTriggers' (Planning/Security).
/// </summary>
internal static partial class TriggerChecks
{
    private static readonly string[] PullRequestTypes =
    [
        "assigned", "unassigned", "labeled", "unlabeled", "opened", "edited", "closed", "reopened", "synchronize",
        "converted_to_draft", "ready_for_review", "locked", "unlocked", "review_requested", "review_request_removed",
        "auto_merge_enabled", "auto_merge_disabled", "milestoned", "demilestoned", "enqueued", "dequeued",
    ];

    private static readonly string[] MergeGroupTypes = ["checks_requested"];

    private static readonly string[] WorkflowRunTypes = ["completed", "requested", "in_progress"];

    private static readonly string[] ReleaseTypes = ["published", "unpublished", "created", "edited", "deleted", "prereleased", "released"];

    public static void Check(WorkflowDeclaration workflow, Problems problems)
    {
        var others = workflow.Surface;
        Types(problems, "pull_request", workflow.PullRequest?.Types, PullRequestTypes);
        Types(problems, "pull_request_target", others.PullRequestTarget?.Types, PullRequestTypes);
        Types(problems, "merge_group", others.MergeGroup?.Types, MergeGroupTypes);
        Types(problems, "workflow_run", others.WorkflowRun?.Types, WorkflowRunTypes);
        Types(problems, "release", others.Release?.Types, ReleaseTypes);
        foreach (var type in others.RepositoryDispatch?.Types ?? [])
        {
            if (type.Trim().Length == 0 || type.Length > 100 || type.Contains('\n', StringComparison.Ordinal))
            {
                problems.Add($"the repository_dispatch event type '{type}' must be 1 to 100 characters on one line.");
            }
        }

        Exclusive(problems, "push", "branches", workflow.Push?.Branches, workflow.Push?.BranchesIgnore);
        Exclusive(problems, "push", "tags", workflow.Push?.Tags, workflow.Push?.TagsIgnore);
        Exclusive(problems, "push", "paths", workflow.Push?.Paths, workflow.Push?.PathsIgnore);
        foreach (var (name, trigger) in new[] { ("pull_request", workflow.PullRequest), ("pull_request_target", others.PullRequestTarget) })
        {
            Exclusive(problems, name, "branches", trigger?.Branches, trigger?.BranchesIgnore);
            Exclusive(problems, name, "paths", trigger?.Paths, trigger?.PathsIgnore);
        }

        Exclusive(problems, "workflow_run", "branches", others.WorkflowRun?.Branches, others.WorkflowRun?.BranchesIgnore);
        if (others.WorkflowRun is { } run && (run.Workflows.Count == 0 || run.Workflows.Any(w => w.Trim().Length == 0)))
        {
            problems.Add("its workflow_run trigger names no workflow, or an empty one: name the workflows it follows (as GitHub shows them).");
        }

        foreach (var (trigger, raw) in others.RawTriggers)
        {
            if (!EventName().IsMatch(trigger))
            {
                problems.Add($"the raw trigger '{trigger}' is not an event name (lowercase letters and '_').");
            }

            if (raw is not null)
            {
                RawValues.Check(problems, $"the workflow (trigger {trigger})", [raw]);
            }
        }

        RawValues.Check(problems, "the workflow", others.Raw);
        PermissionLevels.Check(problems, "the workflow", workflow.Permissions);
    }

    /// <summary>Where each trigger's branch, tag and path filters are, their -ignore forms included.</summary>
    public static IEnumerable<(string Trigger, string Kind, string Value)> Filters(WorkflowDeclaration workflow)
    {
        var others = workflow.Surface;
        return
        [
            .. (workflow.Push?.BranchesIgnore ?? []).Select(v => ("push", "branches-ignore", v)),
            .. (workflow.Push?.TagsIgnore ?? []).Select(v => ("push", "tags-ignore", v)),
            .. (workflow.Push?.PathsIgnore ?? []).Select(v => ("push", "paths-ignore", v)),
            .. (workflow.PullRequest?.BranchesIgnore ?? []).Select(v => ("pull_request", "branches-ignore", v)),
            .. (workflow.PullRequest?.PathsIgnore ?? []).Select(v => ("pull_request", "paths-ignore", v)),
            .. (others.PullRequestTarget?.Branches ?? []).Select(v => ("pull_request_target", "branch", v)),
            .. (others.PullRequestTarget?.Paths ?? []).Select(v => ("pull_request_target", "path", v)),
            .. (others.PullRequestTarget?.BranchesIgnore ?? []).Select(v => ("pull_request_target", "branches-ignore", v)),
            .. (others.PullRequestTarget?.PathsIgnore ?? []).Select(v => ("pull_request_target", "paths-ignore", v)),
            .. (others.WorkflowRun?.Branches ?? []).Select(v => ("workflow_run", "branch", v)),
            .. (others.WorkflowRun?.BranchesIgnore ?? []).Select(v => ("workflow_run", "branches-ignore", v)),
        ];
    }

    private static void Types(Problems problems, string trigger, IReadOnlyList<string>? types, string[] known)
    {
        foreach (var type in (types ?? []).Where(t => !known.Contains(t, StringComparer.Ordinal)))
        {
            problems.Add($"its {trigger} trigger has the activity type '{type}', which GitHub does not know; it knows {string.Join(", ", known)}.");
        }
    }

    private static void Exclusive(Problems problems, string trigger, string filter, IReadOnlyList<string>? included, IReadOnlyList<string>? ignored)
    {
        if (included is { Count: > 0 } && ignored is { Count: > 0 })
        {
            problems.Add($"its {trigger} trigger has both {filter} and {filter}-ignore, which GitHub refuses: keep one, and use '!' patterns in {filter} to exclude.");
        }
    }

    [GeneratedRegex("^[a-z][a-z_]*$")]
    private static partial Regex EventName();
}
