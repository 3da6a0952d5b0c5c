using Pipeline.Execution;
using Pipeline.Planning;

namespace Pipeline.Output;

/// <summary>
/// Output under GitHub Actions. Each target is one collapsible <c>::group::</c>. Groups cannot
/// nest or interleave, so one running target at a time streams live and the others are buffered
/// and written as whole blocks when they finish. Failures become <c>::error</c> annotations and the
/// summary (with the plan as a Mermaid graph) is appended to <c>$GITHUB_STEP_SUMMARY</c>.
/// </summary>
/// <param name="heldOutputDirectory">
/// Where a held-back target's lines go past <see cref="HeldLines.MemoryCharacters"/> (under the root's
/// <c>.nuke/temp/</c>): files that live until its group is written.
/// </param>
internal sealed class GitHubActionsOutput(OutputConsole console, StepSummary stepSummary, AbsolutePath heldOutputDirectory) : IRunOutput
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HeldLines> _buffers = new(StringComparer.Ordinal);
    private readonly List<HeldLines> _finishedBlocks = []; // written when no group is open
    private string? _live;

    /// <summary>
    /// Where the pipeline's root is inside the checkout ("" when it is the checkout): annotation paths
    /// are relative to the root, and GitHub resolves them from the checkout.
    /// </summary>
    public string RootInWorkspace { get; init; } = "";

    public static string PathFromWorkspace(AbsolutePath root, string? workspace)
    {
        if (string.IsNullOrEmpty(workspace) || !Path.IsPathFullyQualified(workspace))
        {
            return "";
        }

        var relative = root.RelativeTo(new AbsolutePath(workspace)).Replace('\\', '/');
        return relative == "." || relative.StartsWith("..", StringComparison.Ordinal) ? "" : relative;
    }

    public void RunStarting(Plan plan, int maxParallel)
    {
        // The runner then hides these values in its own log, and in anything a later step prints.
        // It masks per line: a multi-line secret (a key, a kubeconfig) is registered line by line.
        // The runner decodes % escapes in a command's value, so the value is escaped to arrive whole.
        console.WriteLinesUnmasked(console.Masker.Secrets
            .Where(secret => !secret.Contains('\n', StringComparison.Ordinal))
            .Select(line => $"::add-mask::{EscapeData(line)}"));

        console.WriteLine($"Running {string.Join(", ", plan.Requested)}: {Counted.Of(plan.ToRun.Count(), "target")}, {PlanRenderer.SideBySide(plan, maxParallel)}.");
    }

    public void TargetStarted(string target)
    {
        lock (_lock)
        {
            if (_live is null)
            {
                _live = target;
                console.WriteLine($"::group::{target}");
            }
            else
            {
                var held = Hold(target);
                held.Add($"::group::{target}");
                _buffers[target] = held;
            }
        }
    }

    public void Line(string target, LogLevel level, string text)
    {
        var line = level switch
        {
            LogLevel.Warning => $"::warning title={EscapeProperty(target)}::{Escape(text)}",
            LogLevel.Error => $"::error title={EscapeProperty(target)}::{Escape(text)}",
            _ => text,
        };
        Write(target, line);
    }

    public void Annotation(string target, LogLevel level, SourceLocation location, string text)
    {
        var command = level switch
        {
            LogLevel.Warning => "warning",
            LogLevel.Error => "error",
            _ => "notice",
        };

        var file = RootInWorkspace.Length == 0 ? location.File : $"{RootInWorkspace}/{location.File}";
        var properties = $"file={EscapeProperty(file)},line={location.Line}"
            + (location.Column is { } column ? $",col={column}" : "");
        Write(target, $"::{command} {properties}::{Escape(text)}");
    }

    private void Write(string target, string line)
    {
        lock (_lock)
        {
            if (_buffers.TryGetValue(target, out var buffer))
            {
                buffer.Add(line);
            }
            else
            {
                console.WriteLine(line);
            }
        }
    }

    public void TargetFinished(TargetResult result)
    {
        var status = $"{result.Name}: {SummaryRenderer.StatusText(result)} ({Durations.Format(result.Duration)})";
        lock (_lock)
        {
            // Held back: its group is already in the block. Live: the group is open. Neither: skipped without starting.
            var block = _buffers.Remove(result.Name, out var buffer) ? buffer : Hold(result.Name);
            block.Add(status);
            if (buffer is not null || _live == result.Name)
            {
                block.Add("::endgroup::");
            }

            if (result.IsWarning)
            {
                block.Add($"::warning title={EscapeProperty($"Target {result.Name} failed (warning only)")}::{Escape(result.Error?.Message ?? result.Reason ?? "")}");
            }
            else if (result.Status == TargetStatus.Failed)
            {
                block.Add($"::error title={EscapeProperty($"Target {result.Name} failed")}::{Escape(result.Error?.Message ?? result.Reason ?? "")}");
            }

            if (_live == result.Name)
            {
                WriteAndRelease(block);
                _live = null;
                WriteFinishedBlocks();
                PromoteNextLive();
            }
            else if (_live is null)
            {
                WriteAndRelease(block);
            }
            else
            {
                _finishedBlocks.Add(block); // a group is open: writing now would nest inside it
            }
        }
    }

    public void RunFinished(RunReport report)
    {
        lock (_lock)
        {
            WriteFinishedBlocks();
            foreach (var unfinished in _buffers.Values)
            {
                unfinished.Dispose(); // every target finishes before the run does; this only keeps no file behind
            }

            _buffers.Clear();
        }

        console.WriteLine("");
        console.WriteLines(SummaryRenderer.Text(report));
        IEnumerable<string> markdown =
        [
            .. SummaryRenderer.Markdown(report),
            "",
            "<details><summary>Plan</summary>",
            "",
            "```mermaid",
            .. PlanRenderer.Mermaid(report.Plan),
            "```",
            "",
            "</details>",
            "",
        ];
        stepSummary.Append(markdown);
    }

    // A buffered target becomes the live one: its group opens with what it printed so far.
    private void PromoteNextLive()
    {
        var next = _buffers.Keys.FirstOrDefault();
        if (next is null)
        {
            return;
        }

        _buffers.Remove(next, out var buffer);
        _live = next;
        WriteAndRelease(buffer!);
    }

    private HeldLines Hold(string target) => new(heldOutputDirectory, target, console.Masker.Mask);

    private void WriteFinishedBlocks()
    {
        foreach (var block in _finishedBlocks)
        {
            WriteAndRelease(block);
        }

        _finishedBlocks.Clear();
    }

    // Streamed (from its file, if it went there), then gone.
    private void WriteAndRelease(HeldLines block)
    {
        using (block)
        {
            console.WriteLines(block.Lines());
        }
    }

    // Workflow commands end at a newline and use % escapes, so a message cannot inject another command.
    // Masked first: the runner decodes the escapes, so a secret escaped before masking ("p%25ss")
    // would slip past the mask and be shown decoded.
    private string Escape(string text) => EscapeData(console.Masker.Mask(text));

    private static string EscapeData(string text) => text
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    // Property values (title=…) also end at ':' and ','.
    private string EscapeProperty(string text) => Escape(text)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);
}
