using Pipeline.Tests.Parameters;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Output;

public sealed class AnnotationSpecs
{
    private const string Secret = "hunter2-s3cr3t";

    private static Script Annotating(LogLevel level, SourceLocation location, string message) => new Script()
        .Parameters(Params.RegistryPassword)
        .Target<A>(action: c =>
        {
            c.Log.Annotate(level, location, message);
            return Task.CompletedTask;
        });

    private static Dictionary<string, string> UnderActions(params (string Name, string Value)[] more)
    {
        var variables = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" };
        foreach (var (name, value) in more)
        {
            variables[name] = value;
        }

        return variables;
    }

    private static List<string> Lines(RunOutcome run) => [.. run.Output.Split('\n').Select(l => l.TrimEnd('\r'))];

    [Fact]
    public async Task Locally_an_annotation_reads_like_a_compiler_message()
    {
        var run = await Annotating(LogLevel.Error, new SourceLocation("src/app/main.go", 12, 5), "unreachable code").RunAsync("A");

        Assert.Contains(Lines(run), l => l.EndsWith("│ src/app/main.go:12:5: unreachable code", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Locally_a_location_without_a_column_has_only_the_line()
    {
        var run = await Annotating(LogLevel.Warning, new SourceLocation("lib.rs", 3), "needless return").RunAsync("A");

        Assert.Contains(Lines(run), l => l.EndsWith("│ lib.rs:3: needless return", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LogLevel.Error, "::error file=src/app/main.go,line=12,col=5::unreachable code")]
    [InlineData(LogLevel.Warning, "::warning file=src/app/main.go,line=12,col=5::unreachable code")]
    [InlineData(LogLevel.Info, "::notice file=src/app/main.go,line=12,col=5::unreachable code")]
    public async Task Under_GitHub_Actions_an_annotation_is_a_workflow_command_on_the_line(LogLevel level, string expected)
    {
        var run = await Annotating(level, new SourceLocation("src/app/main.go", 12, 5), "unreachable code")
            .RunAsync(["A"], UnderActions());

        Assert.Contains(expected, Lines(run));
    }

    [Fact]
    public async Task Under_GitHub_Actions_a_root_below_the_checkout_prefixes_the_path_so_GitHub_finds_the_file()
    {
        using var root = new TempRoot();
        var checkout = root.Path.Parent!.Parent!;
        var below = root.Path.RelativeTo(checkout);

        var run = await Annotating(LogLevel.Error, new SourceLocation("crates/core/src/lib.rs", 3, 1), "boom")
            .RunAsync(["A"], UnderActions(("GITHUB_WORKSPACE", checkout)), root);

        Assert.Contains($"::error file={below}/crates/core/src/lib.rs,line=3,col=1::boom", Lines(run));
    }

    [Fact]
    public async Task Under_GitHub_Actions_the_column_is_left_out_when_unknown()
    {
        var run = await Annotating(LogLevel.Error, new SourceLocation("lib.rs", 3), "boom").RunAsync(["A"], UnderActions());

        Assert.Contains("::error file=lib.rs,line=3::boom", Lines(run));
    }

    [Fact]
    public async Task Under_GitHub_Actions_the_message_and_file_cannot_inject_commands()
    {
        var run = await Annotating(LogLevel.Error, new SourceLocation("a,b:c.cs", 1, 2), "50% done\n::error::forged")
            .RunAsync(["A"], UnderActions());

        Assert.Contains("::error file=a%2Cb%3Ac.cs,line=1,col=2::50%25 done ::error::forged", Lines(run));
        Assert.DoesNotContain("::error::forged", Lines(run));
    }

    [Fact]
    public async Task A_secret_in_an_annotation_is_masked_locally_and_under_GitHub_Actions()
    {
        var message = $"token {Secret} in {Secret},x";
        var local = await Annotating(LogLevel.Error, new SourceLocation($"{Secret}.txt", 1), message)
            .RunAsync(["A"], new Dictionary<string, string> { ["REGISTRY_PASSWORD"] = Secret });
        var actions = await Annotating(LogLevel.Error, new SourceLocation($"{Secret}.txt", 1), message)
            .RunAsync(["A"], UnderActions(("REGISTRY_PASSWORD", Secret)));

        Assert.Contains(Lines(local), l => l.EndsWith("│ ***.txt:1: token *** in ***,x", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, local.All);
        Assert.Contains("::error file=***.txt,line=1::token *** in ***,x", Lines(actions));
        Assert.Equal([$"::add-mask::{Secret}"], Lines(actions).Where(l => l.Contains(Secret, StringComparison.Ordinal)));
    }
}
