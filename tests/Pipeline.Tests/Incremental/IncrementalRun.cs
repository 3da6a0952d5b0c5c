using Pipeline.Tests.Support;

namespace Pipeline.Tests.Incremental;

/// <summary>Runs one script several times against one root, as successive <c>./build.sh</c> runs would.</summary>
internal sealed class IncrementalRun : IDisposable
{
    public TempRoot Root { get; } = new();

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public async Task<RunOutcome> RunAsync(Script script, params string[] args)
    {
        var before = script.Events.Count;
        var run = await script.RunAsync(args, new Dictionary<string, string>(Variables), Root);
        return run with { Events = [.. script.Events.Skip(before)] };
    }

    public void Dispose() => Root.Dispose();
}

internal static class RunOutcomeExtensions
{
    /// <summary>Whether the target's action started in this run (not merely considered).</summary>
    public static bool Ran(this RunOutcome run, string target) => run.Events.Any(e => e.Target == target && e.What == "start");
}
