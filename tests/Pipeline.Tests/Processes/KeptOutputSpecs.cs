using System.Globalization;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Processes;

/// <summary>What a process result keeps of a long output: whole what only it has, the last lines of what the log has.</summary>
[Collection(typeof(LongOutput))]
public sealed class KeptOutputSpecs
{
    private const int Lines = 200_000;
    private static readonly string Count = $"seq 1 {Lines}";

    private static async Task<(RunOutcome Run, ProcessResult? Result)> RunAsync(ToolCommand command, TempRoot? root = null)
    {
        ProcessResult? result = null;
        var script = new Script().Target<A>(action: async c => result = await c.RunAsync(command));
        var run = await script.RunAsync(["A"], new Dictionary<string, string>(), root);
        return (run, result);
    }

    private static IEnumerable<string> Numbers(int from, int to) => Enumerable.Range(from, to - from + 1).Select(i => i.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_long_logged_output_reaches_the_log_whole_and_in_order_while_the_result_keeps_its_last_lines()
    {
        var (run, result) = await RunAsync(new ToolCommand("sh").AddArguments("-c", Count));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var logged = run.Output.Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith("A │ ", StringComparison.Ordinal)).Select(l => l["A │ ".Length..])
            .Where(l => l.Length > 0 && l.All(char.IsAsciiDigit));
        Assert.Equal(Numbers(1, Lines), logged);
        Assert.Equal(Numbers(Lines - 999, Lines), result!.Output);
        Assert.Equal(Numbers(Lines - 999, Lines), result.StandardOutput);
    }

    [Fact]
    public async Task The_tail_is_bounded_in_characters_too_and_always_keeps_the_last_line()
    {
        // 300 lines of 10,000 characters: within the line bound, three times the character bound.
        var (_, result) = await RunAsync(new ToolCommand("sh").AddArguments("-c", "yes \"$(printf '%010000d' 0)\" | head -n 300; printf '%02000000d\\n' 7"));

        Assert.Equal(new string('0', 1_999_999) + "7", result!.Output[^1]); // one line past the bound on its own is still kept
        Assert.Single(result.Output);

        var (_, shorter) = await RunAsync(new ToolCommand("sh").AddArguments("-c", "yes \"$(printf '%010000d' 0)\" | head -n 300"));
        Assert.Equal(100, shorter!.Output.Count);
    }

    [Fact]
    public async Task Output_only_the_result_has_is_kept_whole()
    {
        var (run, quiet) = await RunAsync(new ToolCommand("sh").AddArguments("-c", Count + "; echo done >&2").WithQuietOutput());

        Assert.DoesNotContain("A │ 12345", run.Output, StringComparison.Ordinal);
        Assert.Equal(Lines + 1, quiet!.Output.Count);
        Assert.Equal(Numbers(1, Lines), quiet.StandardOutput);
        Assert.Equal(["done"], quiet.StandardError);

        var (_, secret) = await RunAsync(new ToolCommand("sh").AddArguments("-c", Count + "; seq 1 2000 >&2").WithSecretOutput());
        Assert.Equal(Numbers(1, Lines), secret!.StandardOutput); // never logged: only the result has it
        Assert.Equal(Numbers(1001, 2000), secret.StandardError);  // logged: its last lines
    }

    [Fact]
    public async Task A_command_with_its_output_kept_keeps_every_logged_line()
    {
        var (run, result) = await RunAsync(new ToolCommand("sh").AddArguments("-c", Count).WithOutputKept());

        Assert.Contains($"A │ {Lines}", run.Output, StringComparison.Ordinal);
        Assert.Equal(Numbers(1, Lines), result!.Output);
    }

    [Fact]
    public async Task Standard_output_sent_to_a_file_is_whole_in_the_file_and_the_result_keeps_its_last_lines()
    {
        using var root = new TempRoot();
        var file = root.Path / "out" / "numbers.txt";

        var (_, result) = await RunAsync(new ToolCommand("sh").AddArguments("-c", Count).WithStandardOutputTo(file, alsoLog: false), root);

        Assert.Equal(Numbers(1, Lines), File.ReadAllLines(file));
        Assert.Equal(Numbers(Lines - 999, Lines), result!.StandardOutput);
    }

    [Fact]
    public async Task A_failure_after_a_long_output_reports_its_last_lines()
    {
        ProcessFailedException? error = null;
        var script = new Script().Target<A>(action: async c =>
        {
            try
            {
                await c.RunAsync("sh", "-c", Count + "; exit 3");
            }
            catch (ProcessFailedException e)
            {
                error = e;
                throw;
            }
        });

        var run = await script.RunAsync("A");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Equal(Numbers(Lines - 19, Lines), error!.LastLines);
        Assert.Contains($"Last output:\n  {Lines - 19}\n", error.Message, StringComparison.Ordinal);
        Assert.Contains("failed: Process exited with code 3", run.SummaryRow("A"));
    }
}
