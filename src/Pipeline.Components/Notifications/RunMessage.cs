using System.Globalization;
using System.Text.Json.Nodes;

namespace Pipeline.Components.Notifications;

/// <summary>
/// The run's summary as a Slack message: <c>text</c> (what notifications and clients without blocks
/// show) and <c>blocks</c> (a header with the verdict, what failed and how long it took, each target, links).
/// </summary>
internal sealed record RunMessage(string Status, string Text, JsonArray Blocks)
{
    // Slack refuses a section over 3000 characters and a header over 150.
    private const int SectionLimit = 3000;
    private const int HeaderLimit = 150;

    public string ToJson() => new JsonObject { ["text"] = Text, ["blocks"] = Blocks.DeepClone() }.ToJsonString();

    public static RunMessage Of(RunSoFar run, GitHubRun gitHub)
    {
        var status = run.HasFailed ? "❌ The pipeline failed"
            : run.Targets.Any(t => t.Outcome == TargetOutcome.Warning) ? "⚠️ The pipeline succeeded with warnings"
            : "✅ The pipeline succeeded";
        var where = gitHub.Repository is { } repository ? $": {repository}" + ((gitHub.Branch ?? gitHub.Tag) is { } at ? $" on {at}" : "") : "";
        var failed = run.Failed.ToList();
        var facts = new List<string>();
        if (failed.Count > 0)
        {
            facts.Add("*Failed:* " + string.Join("; ", failed.Select(f => f.Reason is { Length: > 0 } reason ? $"{f.Name}: {reason}" : f.Name)));
        }

        facts.Add($"*Duration:* {Duration(run.Elapsed)}");
        var links = Links(gitHub).ToList();

        var text = status + where + (failed.Count > 0 ? $" — {string.Join(", ", failed.Select(f => f.Name))} failed" : "") + $" — {Duration(run.Elapsed)}"
            + (gitHub.RunUrl is { } runUrl ? $" — {runUrl}" : "");
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut(status + where, HeaderLimit) } },
            Section(string.Join('\n', facts.Select(Escape))),
        };
        if (run.Targets.Count > 0)
        {
            blocks.Add(Section(string.Join('\n', run.Targets.Select(Line))));
        }

        if (links.Count > 0)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = string.Join(" · ", links) }),
            });
        }

        return new RunMessage(status, text, blocks);
    }

    private static JsonObject Section(string markdown) =>
        new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(markdown, SectionLimit) } };

    private static string Line(FinishedTarget target)
    {
        var icon = target.Outcome switch
        {
            TargetOutcome.Succeeded or TargetOutcome.UpToDate => "✅",
            TargetOutcome.Warning => "⚠️",
            TargetOutcome.Failed => "❌",
            TargetOutcome.Canceled => "🛑",
            _ => "⏭️",
        };
        var detail = target.Outcome switch
        {
            TargetOutcome.Skipped => target.Reason is { Length: > 0 } reason ? $" ({reason})" : "",
            TargetOutcome.UpToDate => " (up to date)",
            _ when target.InOtherJob && target.Duration == TimeSpan.Zero => " (another job)", // a job result only: no duration
            _ => $" {Duration(target.Duration)}",
        };
        return Escape($"{icon} {target.Name}{detail}");
    }

    private static IEnumerable<string> Links(GitHubRun gitHub)
    {
        if (gitHub.RunUrl is { } run)
        {
            yield return $"<{run}|The run>";
        }

        if (gitHub.RepositoryUrl is { } repository && gitHub.Sha is { Length: >= 7 } sha)
        {
            yield return $"<{repository}/commit/{sha}|Commit {sha[..7]}>";
        }
    }

    private static string Duration(TimeSpan elapsed) => elapsed.TotalSeconds < 60
        ? elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds} s";

    // Slack's mrkdwn reads these three as markup.
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Cut(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";
}
