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
    public async Task A_tool_found_under_an_alternative_name_or_path_passes_and_the_plan_shows_that_one()
    {
        using var root = new TempRoot();
        var versioned = new RequiredTool("fake-profdata", "install fake-profdata") { Alternatives = ["fake-profdata-*"] };
        var underHome = new RequiredTool("fake-cov", "install fake-cov") { Alternatives = ["fake-cov-*", "~/.toolchains/*/bin/fake-cov"] };
        var variables = PathWith(root, versioned with { Executable = "fake-profdata-9" }, versioned with { Executable = "fake-profdata-22" });
        var home = Directory.CreateDirectory(root.Path / "home").FullName;
        variables["HOME"] = home;
        WriteScript(Directory.CreateDirectory(Path.Combine(home, ".toolchains", "stable", "bin")).FullName, "fake-cov");
        var script = new Script().Target<A>(t => t.Requires(versioned).Requires(underHome));

        var run = await script.RunAsync(["A"], variables, root);
        var plan = await script.RunAsync(["A", "--plan"], variables, root);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("fake-profdata-22 version 1.2.3", plan.Output, StringComparison.Ordinal); // the highest version, not 9
        Assert.Contains("fake-cov version 1.2.3", plan.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alternatives_that_are_not_there_leave_the_tool_missing()
    {
        using var root = new TempRoot();
        var tool = new RequiredTool("fake-profdata", "install fake-profdata") { Alternatives = ["fake-profdata-*", "~/.toolchains/*/bin/fake-profdata"] };
        var variables = PathWith(root, tool with { Executable = "fake-profdatax" });
        Directory.CreateDirectory(root.Path / "home" / ".toolchains" / "stable" / "bin"); // the folder, without the tool
        variables["HOME"] = root.Path / "home";

        var run = await new Script().Target<A>(t => t.Requires(tool)).RunAsync(["A"], variables, root);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: fake-profdata is not installed (or not on PATH), and A needs it: install fake-profdata.", run.Error.Trim(), StringComparison.Ordinal);
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
            WriteScript(bin, tool.Executable);
        }

        return new Dictionary<string, string> { ["PATH"] = bin };
    }

    private static void WriteScript(string folder, string name)
    {
        var script = Path.Combine(folder, name);
        File.WriteAllText(script, $"#!/bin/sh\necho '{name} version 1.2.3'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
