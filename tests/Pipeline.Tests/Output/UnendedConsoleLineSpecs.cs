using Pipeline.Tests.Processes;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Output;

[Collection(typeof(LongOutput))]
public sealed class UnendedConsoleLineSpecs
{
    [Fact]
    public async Task Console_text_that_never_ends_its_line_is_written_in_pieces_of_a_million_characters()
    {
        var script = new Script().Target<A>(action: async c =>
        {
            await Task.Yield();
            for (var i = 0; i < 2_500; i++)
            {
                Console.Write(new string((char)('a' + (i / 1_000)), 1_000)); // progress that never prints a newline
            }
        });

        var run = await script.RunAsync("A");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var pieces = run.Output.Split('\n').Where(l => l.StartsWith("A │ ", StringComparison.Ordinal)).Select(l => l["A │ ".Length..]).Where(l => l.Length > 100).ToList();
        Assert.Equal([new string('a', 1_000_000), new string('b', 1_000_000), new string('c', 500_000)], pieces);
    }
}
