using Pipeline.Execution;
using Pipeline.Planning;

namespace Pipeline.Output;

/// <summary>
/// Local terminal output: every line carries its target's name as a prefix, so parallel targets
/// stay readable as they interleave; the run ends with the summary table.
/// </summary>
internal sealed class LocalConsoleOutput(OutputConsole console) : IRunOutput
{
    private static readonly ConsoleColor[] Palette =
        [ConsoleColor.Cyan, ConsoleColor.Magenta, ConsoleColor.Blue, ConsoleColor.Green, ConsoleColor.Yellow];

    private Dictionary<string, string> _prefixes = [];

    public void RunStarting(Plan plan, int maxParallel)
    {
        var width = plan.Targets.Max(t => t.Name.Length);
        _prefixes = plan.Targets
            .Select((t, i) => (t.Name, Prefix: console.Colored(t.Name.PadRight(width), Palette[i % Palette.Length]) + " │ "))
            .ToDictionary(x => x.Name, x => x.Prefix, StringComparer.Ordinal);
        console.WriteLine($"Running {string.Join(", ", plan.Requested)}: {Counted.Of(plan.ToRun.Count(), "target")}, {PlanRenderer.SideBySide(plan, maxParallel)}.");
    }

    public void TargetStarted(string target) => console.WriteLine(PrefixOf(target) + "▶ started");

    public void Line(string target, LogLevel level, string text) =>
        console.WriteLine(PrefixOf(target) + level switch
        {
            LogLevel.Warning => console.Colored("warning: " + text, ConsoleColor.Yellow),
            LogLevel.Error => console.Colored(text, ConsoleColor.Red),
            _ => text,
        });

    // The form compilers print, so terminals and editors turn it into a link to the line.
    public void Annotation(string target, LogLevel level, SourceLocation location, string text)
    {
        var line = $"{location}: {text}";
        console.WriteLine(PrefixOf(target) + level switch
        {
            LogLevel.Warning => console.Colored(line, ConsoleColor.Yellow),
            LogLevel.Error => console.Colored(line, ConsoleColor.Red),
            _ => line,
        });
    }

    public void TargetFinished(TargetResult result)
    {
        if (result.Status == TargetStatus.Failed && result.Error is not null && result.Detail is { } detail)
        {
            foreach (var line in detail.Split('\n'))
            {
                Line(result.Name, result.WarningOnly ? LogLevel.Warning : LogLevel.Error, line.TrimEnd('\r'));
            }
        }

        var (mark, color) = result.Status switch
        {
            TargetStatus.Failed when result.WarningOnly => ("!", ConsoleColor.Yellow),
            TargetStatus.Succeeded => ("✔", ConsoleColor.Green),
            TargetStatus.UpToDate => ("✔", ConsoleColor.DarkGreen),
            TargetStatus.Failed => ("✖", ConsoleColor.Red),
            TargetStatus.Canceled => ("■", ConsoleColor.Red),
            _ => ("–", ConsoleColor.DarkGray),
        };
        var duration = result.Status == TargetStatus.Skipped ? "" : " in " + Durations.Format(result.Duration);
        console.WriteLine(PrefixOf(result.Name) + console.Colored($"{mark} {SummaryRenderer.StatusText(result)}{duration}", color));
    }

    public void RunFinished(RunReport report)
    {
        console.WriteLine("");
        console.WriteLines(SummaryRenderer.Text(report));
    }

    private string PrefixOf(string target) => _prefixes.GetValueOrDefault(target) ?? target + " │ ";
}
