using Pipeline.Planning;

namespace Pipeline.GitHubActions;

/// <summary>Which targets each job runs, which it skips, and which jobs it waits for.</summary>
/// <param name="WaitsFor">
/// The jobs it waits for directly, transitively reduced. Its <c>needs:</c> is this list, unless its
/// <c>if:</c> must name the result of a job further up (see <see cref="JobPlanner"/>). A job reporting
/// on the run waits for every job not waiting for it, each listed: it reads every one's result.
/// </param>
/// <param name="Upstream">Every job it waits for, directly or not.</param>
/// <param name="BlockedBy">
/// The upstream jobs whose failure stops it (through DependsOn or Triggers, directly or not), as
/// the engine's <see cref="PlannedTarget.BlockedBy"/>; the others it only waits for (After), and runs
/// whatever their outcome, as locally.
/// </param>
internal sealed record JobTargets(
    string Root,
    IReadOnlyList<string> Runs,
    IReadOnlyList<string> Skips,
    IReadOnlyList<string> WaitsFor,
    IReadOnlySet<string> Upstream,
    IReadOnlySet<string> BlockedBy)
{
    /// <summary>Some job it waits for may fail without stopping it.</summary>
    public bool WaitsWithoutDepending => Upstream.Count > BlockedBy.Count;
}

/// <summary>
/// Splits a target graph into jobs, one per declared job target (its root):
/// <list type="bullet">
/// <item>a job <em>reaches</em> what its root's local plan would include, stopping at other roots;</item>
/// <item>it needs every job that reaches a target one of its own must follow;</item>
/// <item>it runs what it reaches minus what a job it needs (directly or not) already ran — so each
///   target runs once along any chain of needs, and targets shared by parallel jobs (a restore,
///   say) run in each of them; files travel between jobs as declared artifacts;</item>
/// <item>everything else its local plan would include is passed to <c>--skip</c>;</item>
/// <item>a job running a target that reports on the run also needs every job not needing it, and runs no less.</item>
/// </list>
/// <c>needs</c> is then transitively reduced. Pure: it reads the graph and runs nothing.
/// </summary>
internal static class JobOwnership
{
    public static IReadOnlyList<JobTargets> Split(TargetGraph graph, IReadOnlyList<string> roots, string workflow)
    {
        var rootSet = roots.ToHashSet(StringComparer.Ordinal);
        var reach = roots.ToDictionary(r => r, r => Reach(graph, r, rootSet), StringComparer.Ordinal);

        var direct = roots.ToDictionary(
            r => r,
            r => (IReadOnlyList<string>)[.. roots.Where(other => other != r && reach[r]
                .SelectMany(graph.MustFollow)
                .Any(m => !reach[r].Contains(m) && reach[other].Contains(m)))],
            StringComparer.Ordinal);

        if (CycleFinder.Find(roots, r => direct[r]) is { } cycle)
        {
            throw new DefinitionException(
                $"Workflow {workflow}: its jobs would wait for each other in a cycle: {string.Join(" → ", cycle)}. " +
                "Each arrow means 'needs'; it comes from targets that run after another job's targets (Triggers or After). Give one of the targets involved a job of its own, or remove one.");
        }

        var upstream = roots.ToDictionary(r => r, r => Upstream(r, direct), StringComparer.Ordinal);
        var directlyBlockedBy = roots.ToDictionary(
            r => r,
            r => (IReadOnlyList<string>)[.. direct[r].Where(other => reach[r]
                .SelectMany(graph.BlockedBy)
                .Any(m => !reach[r].Contains(m) && reach[other].Contains(m)))],
            StringComparer.Ordinal);
        var blockedBy = roots.ToDictionary(r => r, r => Upstream(r, directlyBlockedBy), StringComparer.Ordinal);
        var plans = roots.ToDictionary(r => r, r => LocalPlan(graph, r), StringComparer.Ordinal);
        var runs = roots.ToDictionary(
            r => r,
            r =>
            {
                var ranBefore = upstream[r].SelectMany(u => reach[u]).ToHashSet(StringComparer.Ordinal);
                return (IReadOnlyList<string>)[.. plans[r].Where(t => reach[r].Contains(t) && !ranBefore.Contains(t))];
            },
            StringComparer.Ordinal);

        // What each job runs is settled by the relations alone; a job reporting on the run only waits longer.
        var reporting = roots.Where(r => runs[r].Any(t => graph[t].ReportsOnRun)).ToHashSet(StringComparer.Ordinal);
        var waits = WithReportingJobsLast(roots, direct, reporting);
        var scheduled = roots.ToDictionary(r => r, r => Upstream(r, waits), StringComparer.Ordinal);
        return [.. roots.Select(root =>
        {
            var waitsFor = reporting.Contains(root)
                ? waits[root] // each by name: it reads every one's result
                : [.. waits[root].Where(d => !waits[root].Any(other => scheduled[other].Contains(d)))];
            return new JobTargets(root, runs[root], [.. plans[root].Except(runs[root])], waitsFor, scheduled[root], blockedBy[root]);
        })];
    }

    /// <summary>
    /// The jobs each job waits for directly, where a job reporting on the run (<see cref="TargetDefinition.ReportsOnRun"/>)
    /// also waits for every job not waiting for it, in the workflow's order. Added one reporting job at
    /// a time, and only jobs that do not reach it, so no cycle can form; of two reporting jobs
    /// independent of each other, the first declared waits for the second.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> WithReportingJobsLast(
        IReadOnlyList<string> roots, Dictionary<string, IReadOnlyList<string>> direct, HashSet<string> reporting)
    {
        var waits = new Dictionary<string, IReadOnlyList<string>>(direct, StringComparer.Ordinal);
        foreach (var root in roots.Where(reporting.Contains))
        {
            var after = roots.Where(other => Upstream(other, waits).Contains(root)).ToHashSet(StringComparer.Ordinal);
            waits[root] = [.. roots.Where(other => other != root && !after.Contains(other))];
        }

        return waits;
    }

    /// <summary>
    /// What <c>./build.sh {root}</c> would include, in the order it would run them: the planner's
    /// own closure and order, without evaluating any condition (generation must not run user code).
    /// </summary>
    private static IReadOnlyList<string> LocalPlan(TargetGraph graph, string root) => Planner.Order(graph, [root]);

    /// <summary>What the root's plan includes (the planner's closure), not entering other jobs' roots.</summary>
    private static HashSet<string> Reach(TargetGraph graph, string root, HashSet<string> roots) =>
        Planner.Closure(graph, [root], name => name == root || !roots.Contains(name));

    private static HashSet<string> Upstream(string root, Dictionary<string, IReadOnlyList<string>> direct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(direct[root]);
        while (queue.TryDequeue(out var job))
        {
            if (seen.Add(job))
            {
                foreach (var next in direct[job])
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }
}
