using Pipeline.Tests.Support;

namespace Pipeline.Tests.Errors;

/// <summary>A declared tool that is missing stops the run before any target starts; <c>--plan</c> shows what was found.</summary>
public sealed class RequiredToolSpecs
{
    private static readonly RequiredTool Present = new("fake-present-tool", "get it from the present shop");
    private static readonly RequiredTool Missing = new("fake-missing-tool", "get it from the missing shop");
    private static readonly RequiredTool AlsoMissing = new("fake-other-tool", "apt-get install fake-other-tool");

    [Fact]
    public async Task A_missing_tool_fails_in_one_line_with_its_install_hint_before_any_target_starts()
    {
        using var root = new TempRoot();
        var script = new Script().Target<A>().Target<B>(t => t.DependsOn<A>().Requires(Missing));

        var run = await script.RunAsync(["B"], PathWith(root), root);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(
            "error: fake-missing-tool is not installed (or not on PATH), and B needs it: get it from the missing shop. Nothing has run.",
            run.Error.Trim());
        Assert.Empty(run.Events);
    }

    [Fact]
    public async Task Every_missing_tool_is_listed_once_with_the_targets_that_need_it()
    {
        using var root = new TempRoot();
        var script = new Script()
            .Target<A>(t => t.Requires(Missing).Requires(Present))
            .Target<B>(t => t.DependsOn<A>().Requires(Missing).Requires(AlsoMissing));

        var run = await script.RunAsync(["B"], PathWith(root, Present), root);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("2 tools are not installed (or not on PATH); nothing has run:", run.Error, StringComparison.Ordinal);
        Assert.Contains("  fake-missing-tool is not installed (or not on PATH), and A, B need it: get it from the missing shop", run.Error, StringComparison.Ordinal);
        Assert.Contains("  fake-other-tool is not installed (or not on PATH), and B needs it: apt-get install fake-other-tool", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("fake-present-tool", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Events);
    }

    [Fact]
    public async Task A_tool_needed_only_by_a_target_that_does_not_run_is_not_checked()
    {
        using var root = new TempRoot();
        var script = new Script().Target<A>().Target<B>(t => t.DependsOn<A>().Requires(Missing));

        var run = await script.RunAsync(["A"], PathWith(root), root);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True(script.Ran("A"));
    }

    [Fact]
    public async Task Plan_shows_each_tool_with_the_version_found_or_how_to_install_it()
    {
        using var root = new TempRoot();
        var script = new Script().Target<A>(t => t.Requires(Present)).Target<B>(t => t.DependsOn<A>().Requires(Missing));

        var run = await script.RunAsync(["B", "--plan"], PathWith(root, Present), root);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("fake-present-tool version 1.2.3", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"fake-missing-tool\s+not found: get it from the missing shop\s+B", run.Output);
        Assert.Empty(run.Events);
    }

    [Fact]
    public async Task Plan_says_how_many_targets_really_run_side_by_side()
    {
        var chain = await new Script().Target<A>().Target<B>(t => t.DependsOn<A>()).RunAsync("B", "--plan");
        var fan = await new Script().Target<A>().Target<B>().Target<C>(t => t.DependsOn<A>().DependsOn<B>()).RunAsync("C", "--plan");

        Assert.Contains("2 of 2 targets run, one at a time.", chain.Output, StringComparison.Ordinal);
        Assert.Contains("3 of 3 targets run, up to 2 side by side.", fan.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_of_one_target_says_1_target()
    {
        var run = await new Script().Target<A>().RunAsync("A");

        Assert.Contains("Running A: 1 target, one at a time.", run.Output, StringComparison.Ordinal);
    }

    /// <summary>A PATH holding only <paramref name="root"/>/bin, with a script for each tool that prints its version.</summary>
    private static Dictionary<string, string> PathWith(TempRoot root, params RequiredTool[] tools)
    {
        var bin = Directory.CreateDirectory(Path.Combine(root.Path, "bin")).FullName;
        foreach (var tool in tools)
        {
            var script = Path.Combine(bin, tool.Executable);
            File.WriteAllText(script, $"#!/bin/sh\necho '{tool.Executable} version 1.2.3'\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return new Dictionary<string, string> { ["PATH"] = bin };
    }
}
