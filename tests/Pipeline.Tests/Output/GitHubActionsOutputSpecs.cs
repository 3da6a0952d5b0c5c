using Pipeline.Tests.Support;

namespace Pipeline.Tests.Output;

public sealed class GitHubActionsOutputSpecs
{
    private static async Task<(RunOutcome Run, string Summary)> RunUnderActionsAsync(Script script, params string[] args)
    {
        using var root = new TempRoot();
        var summary = root.Path / "step-summary.md";
        File.WriteAllText(summary, "earlier step\n");
        var variables = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary };
        var run = await script.RunAsync(args, variables, root);
        return (run, File.ReadAllText(summary));
    }

    [Fact]
    public async Task Each_target_is_one_group_even_when_targets_run_in_parallel()
    {
        var rendezvous = new Rendezvous(3);
        async Task Chatty(TargetContext c)
        {
            c.Log.Info($"{c.TargetName} first");
            await rendezvous.ArriveAsync(c.Cancellation); // all three are running now, their lines interleave
            c.Log.Info($"{c.TargetName} second");
        }

        var script = new Script().Target<A>(action: Chatty).Target<B>(action: Chatty).Target<C>(action: Chatty);

        var (run, _) = await RunUnderActionsAsync(script, "A", "B", "C");

        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (var target in new[] { "A", "B", "C" })
        {
            var open = lines.IndexOf($"::group::{target}");
            var close = lines.FindIndex(open, l => l == "::endgroup::");
            Assert.True(open >= 0, $"no group for {target}");
            var block = lines[open..close];
            Assert.True(block.Contains($"{target} first"), run.Output);
            Assert.Contains($"{target} second", block);
            Assert.DoesNotContain(block.Skip(1), l => l.StartsWith("::group::", StringComparison.Ordinal)); // groups never nest
        }
    }

    [Fact]
    public async Task A_failure_becomes_an_error_annotation()
    {
        var script = new Script().Target<A>(action: _ => throw new InvalidOperationException("tests: 3 failed, 100%"));

        var (run, _) = await RunUnderActionsAsync(script, "A");

        Assert.Contains("::error title=Target A failed::tests: 3 failed, 100%25", run.Output);
    }

    [Fact]
    public async Task The_summary_and_the_plan_are_appended_to_the_step_summary()
    {
        var script = new Script()
            .Target<A>(action: _ => throw new InvalidOperationException("boom"))
            .Target<B>(t => t.DependsOn<A>());

        var (_, summary) = await RunUnderActionsAsync(script, "B");

        Assert.StartsWith("earlier step\n", summary); // appended, not overwritten
        Assert.Contains("| A | ❌ failed: boom |", summary);
        Assert.Contains("| B | ⏭️ skipped: dependency A failed |", summary);
        Assert.Contains("```mermaid", summary);
        Assert.Contains("A --> B", summary);
    }
}
