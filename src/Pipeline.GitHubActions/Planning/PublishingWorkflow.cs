using Pipeline.Planning;

namespace Pipeline.GitHubActions;

/// <summary>
/// Whether a workflow publishes: it runs on tags or releases, or one of its jobs runs a target that
/// <see cref="TargetSpec.Publishes"/>. Such a workflow restores no cache at all (packages, the compiled
/// pipeline, up-to-date outputs): a cache written by a pull request's run could otherwise reach what it ships.
/// </summary>
internal static class PublishingWorkflow
{
    /// <summary>Why the workflow publishes, in a phrase; null when it does not and may use caches.</summary>
    public static string? Reason(WorkflowDeclaration workflow, TargetGraph graph, IEnumerable<JobTargets> jobs)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(graph);
        if (workflow.Push is { Tags.Count: > 0 } push)
        {
            return $"it runs on tags ({string.Join(", ", push.Tags)})";
        }

        if (workflow.Surface.Release is not null || workflow.Surface.RawTriggers.Any(t => t.Key == "release"))
        {
            return "it runs on releases";
        }

        var publishers = jobs.SelectMany(j => j.Runs).Distinct().Where(t => graph[t].Publishes).ToList();
        return publishers.Count == 0 ? null : $"{Listed(publishers)} publish{(publishers.Count == 1 ? "es" : "")}";
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    private static string Listed(List<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";

    /// <summary>The comment the generated file carries to say so.</summary>
    public static string Note(string reason) =>
        $"No cache is restored in this workflow: {reason}, and a cache written by another run (a pull request's) must not reach what it ships.";
}
