using System.Globalization;
using Pipeline.Output;
using Pipeline.Tests.Parameters;
using Pipeline.Tests.Processes;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Output;

/// <summary>
/// Under GitHub Actions a target running beside the live one is held back until it can be written as
/// one group; past a bound its lines wait in a file under <c>.nuke/temp/</c>, not in memory.
/// </summary>
[Collection(typeof(LongOutput))]
public sealed class HeldOutputSpecs
{
    private const string Secret = "hunter2-s3cr3t";
    private const int Lines = 60_000; // about 6.6 million characters: past the bound
    private static readonly string Padding = new('.', 80);

    private static string Line(string target, int i, string secret) =>
        string.Create(CultureInfo.InvariantCulture, $"{target} line {i:D6} {secret} {Padding}");

    private static async Task<(RunOutcome Run, AbsolutePath HeldDirectory)> RunUnderActionsAsync(Script script, TempRoot root, params string[] targets)
    {
        var variables = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["REGISTRY_PASSWORD"] = Secret };
        var run = await script.Parameters(Params.RegistryPassword).RunAsync(targets, variables, root);
        return (run, root.Path / ".nuke" / "temp" / "held-output");
    }

    private static List<string> GroupOf(RunOutcome run, string target)
    {
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var open = lines.IndexOf($"::group::{target}");
        Assert.True(open >= 0, $"no group for {target}");
        var close = lines.IndexOf("::endgroup::", open);
        return lines[(open + 1)..close];
    }

    // One folder per run (held-output/<run id>/), so the next run can delete what a killed run left.
    private static string[] FilesIn(AbsolutePath directory) => Directory.Exists(directory) ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task A_held_back_target_that_finishes_while_another_group_is_open_is_written_whole_in_order_and_masked_from_its_file()
    {
        using var root = new TempRoot();
        var held = root.Path / ".nuke" / "temp" / "held-output";
        var dependentStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string[] filesWhileHeld = [];
        var fileText = "";

        var script = new Script()
            .Target<A>(action: async c => await dependentStarted.Task.WaitAsync(TimeSpan.FromSeconds(60), c.Cancellation)) // live: its group stays open
            .Target<B>(action: c =>
            {
                for (var i = 1; i <= Lines; i++)
                {
                    c.Log.Info(Line("B", i, c.Get(Params.RegistryPassword)));
                }

                filesWhileHeld = FilesIn(held);
                fileText = filesWhileHeld.Length == 1 ? File.ReadAllText(filesWhileHeld[0]) : "";
                return Task.CompletedTask;
            })
            .Target<C>(t => t.DependsOn<B>(), c => // starts once B has finished, with A's group still open
            {
                dependentStarted.SetResult();
                return Task.CompletedTask;
            });

        var (run, heldDirectory) = await RunUnderActionsAsync(script, root, "A", "C");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Single(filesWhileHeld);
        Assert.Contains(Line("B", 1, "***") + "\n", fileText, StringComparison.Ordinal); // on disk masked, in order
        Assert.DoesNotContain(Secret, fileText, StringComparison.Ordinal);

        var group = GroupOf(run, "B");
        Assert.Equal(Enumerable.Range(1, Lines).Select(i => Line("B", i, "***")), group.SkipLast(1));
        Assert.StartsWith("B: succeeded", group[^1], StringComparison.Ordinal);
        Assert.Equal([$"::add-mask::{Secret}"], run.All.Split('\n').Where(l => l.Contains(Secret, StringComparison.Ordinal)));
        Assert.Empty(FilesIn(heldDirectory));
    }

    [Fact]
    public async Task A_held_back_target_that_becomes_live_streams_its_file_then_goes_on_live_and_the_file_is_gone()
    {
        using var root = new TempRoot();
        var held = root.Path / ".nuke" / "temp" / "held-output";
        var heldLinesWritten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var promoted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var filesWhileHeld = -1;
        var filesOnceLive = -1;

        var script = new Script()
            .Target<A>(action: async c => await heldLinesWritten.Task.WaitAsync(TimeSpan.FromSeconds(60), c.Cancellation))
            .Target<B>(action: async c =>
            {
                for (var i = 1; i <= Lines; i++)
                {
                    c.Log.Info(Line("B", i, c.Get(Params.RegistryPassword)));
                }

                filesWhileHeld = FilesIn(held).Length;
                heldLinesWritten.SetResult(); // A ends: B's group is written so far and B becomes the live one
                await promoted.Task.WaitAsync(TimeSpan.FromSeconds(60), c.Cancellation);
                filesOnceLive = FilesIn(held).Length;
                for (var i = Lines + 1; i <= Lines + 10; i++)
                {
                    c.Log.Info(Line("B", i, c.Get(Params.RegistryPassword)));
                }
            })
            .Target<C>(t => t.DependsOn<A>(), _ => // starts once A has finished
            {
                promoted.SetResult();
                return Task.CompletedTask;
            });

        var (run, heldDirectory) = await RunUnderActionsAsync(script, root, "B", "C");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(1, filesWhileHeld);
        Assert.Equal(0, filesOnceLive);
        var group = GroupOf(run, "B");
        Assert.Equal(Enumerable.Range(1, Lines + 10).Select(i => Line("B", i, "***")), group.SkipLast(1));
        Assert.Equal([$"::add-mask::{Secret}"], run.All.Split('\n').Where(l => l.Contains(Secret, StringComparison.Ordinal)));
        Assert.Empty(FilesIn(heldDirectory));
    }

    [Fact]
    public void Lines_come_back_from_the_file_as_they_went_in_masked()
    {
        using var root = new TempRoot();
        var directory = root.Path / "held";
        var big = new string('x', HeldLines.MemoryCharacters);
        string[] lines = ["progress 10%\rprogress 20%", "", "token " + Secret, big, "last"];

        string? file;
        List<string> back;
        using (var held = new HeldLines(directory, "T", text => text.Replace(Secret, "***", StringComparison.Ordinal)))
        {
            foreach (var line in lines)
            {
                held.Add(line);
            }

            file = held.FilePath;
            back = [.. held.Lines()];
        }

        Assert.NotNull(file);
        Assert.Equal(["progress 10%\rprogress 20%", "", "token ***", big, "last"], back);
        Assert.False(File.Exists(file));
    }
}
