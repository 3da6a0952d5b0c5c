using Pipeline.Tests.Support;

namespace Pipeline.Tests.Incremental;

/// <summary>Each kind of input, changed, makes the target run again, and the run names what changed.</summary>
public sealed class InputChangeSpecs
{
    private static readonly Parameter<string> Flavor = Parameter.Create("A flavor", defaultValue: "plain");
    private static readonly Output<string> Version = new("The version");
    private static readonly Parameter<string> Token = Parameter.Secret("A token");

    [Fact]
    public async Task An_edited_file_makes_it_run()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        var script = UpToDateSpecs.Compiler(run.Root);
        await run.RunAsync(script, "A");

        run.Root.Write("src/a.cs", "class A { int x; }");
        var second = await run.RunAsync(script, "A");

        Assert.True(second.Ran("A"), second.All);
        Assert.Contains("ran: file src/a.cs edited", second.SummaryRow("A"), StringComparison.Ordinal);
        Assert.Contains("Runs: file src/a.cs edited", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_that_keeps_the_length_and_modification_time_is_still_seen_while_the_time_is_recent()
    {
        using var run = new IncrementalRun();
        var file = run.Root.Write("src/a.cs", "class A {}");
        var script = UpToDateSpecs.Compiler(run.Root);
        await run.RunAsync(script, "A");
        var time = File.GetLastWriteTimeUtc(file);

        File.WriteAllText(file, "class B {}");
        File.SetLastWriteTimeUtc(file, time);
        var second = await run.RunAsync(script, "A");

        Assert.Contains("file src/a.cs edited", second.SummaryRow("A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_added_file_makes_it_run()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        var script = UpToDateSpecs.Compiler(run.Root);
        await run.RunAsync(script, "A");

        run.Root.Write("src/sub/b.cs", "class B {}");
        var second = await run.RunAsync(script, "A");

        Assert.Contains("ran: file src/sub/b.cs added", second.SummaryRow("A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_file_makes_it_run()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        var b = run.Root.Write("src/b.cs", "class B {}");
        var script = UpToDateSpecs.Compiler(run.Root);
        await run.RunAsync(script, "A");

        File.Delete(b);
        var second = await run.RunAsync(script, "A");

        Assert.Contains("ran: file src/b.cs deleted", second.SummaryRow("A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excluded_and_unmatched_files_do_not_count()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        var script = UpToDateSpecs.Compiler(run.Root);
        await run.RunAsync(script, "A");

        run.Root.Write("src/obj/generated.cs", "class G {}");
        run.Root.Write("src/readme.md", "text");
        var second = await run.RunAsync(script, "A");

        Assert.False(second.Ran("A"));
    }

    [Fact]
    public async Task A_changed_parameter_value_makes_it_run()
    {
        using var run = new IncrementalRun();
        var script = new Script().Parameters(Flavor).Target<A>(t => t.Inputs(i => i.Parameter(Flavor)));
        await run.RunAsync(script, "A");
        var same = await run.RunAsync(script, "A", "--flavor", "plain");

        var changed = await run.RunAsync(script, "A", "--flavor", "spicy");

        Assert.Equal(0, same.ExitCode);
        Assert.False(same.Ran("A"), "the default given explicitly is the same value");
        Assert.True(changed.ExitCode == 0, changed.All);
        Assert.Contains("ran: parameter Flavor changed", changed.SummaryRow("A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_environment_variable_makes_it_run()
    {
        using var run = new IncrementalRun();
        var script = new Script().Target<A>(t => t.Inputs(i => i.Environment("TARGET_OS")));
        await run.RunAsync(script, "A");

        run.Variables["TARGET_OS"] = "linux";
        var set = await run.RunAsync(script, "A");
        var unchanged = await run.RunAsync(script, "A");

        Assert.Contains("ran: environment variable TARGET_OS changed", set.SummaryRow("A"), StringComparison.Ordinal);
        Assert.False(unchanged.Ran("A"));
    }

    [Fact]
    public async Task A_changed_tool_version_makes_it_run_and_names_both_versions()
    {
        using var run = new IncrementalRun();
        var bin = run.Root.Path / "bin";
        var versionFile = run.Root.Write("bin/version.txt", "faketool 1.0");
        var tool = run.Root.Write("bin/faketool", $"#!/bin/sh\ncat '{versionFile}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        run.Variables["PATH"] = bin + ":/usr/bin:/bin";
        var fake = new RequiredTool("faketool", "it is a test's");
        var script = new Script().Target<A>(t => t.Inputs(i => i.Tool(fake)));
        await run.RunAsync(script, "A");
        var same = await run.RunAsync(script, "A");

        File.WriteAllText(versionFile, "faketool 2.0");
        var changed = await run.RunAsync(script, "A");

        Assert.False(same.Ran("A"));
        Assert.Contains("ran: tool faketool changed (faketool 1.0 → faketool 2.0)", changed.SummaryRow("A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_fixed_value_makes_it_run()
    {
        using var run = new IncrementalRun();
        var sdk = "10.0.100";
        var script = new Script().Target<A>(t => t.Inputs(i => i.Value("sdk", sdk)));
        await run.RunAsync(script, "A");

        sdk = "10.0.200";
        var second = await run.RunAsync(script, "A");

        Assert.Contains("ran: value sdk changed", second.SummaryRow("A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_upstream_output_value_makes_it_run()
    {
        using var run = new IncrementalRun();
        var version = "1.0.0";
        var script = new Script()
            .Target<A>(t => t.Produces(Version), c =>
            {
                c.Set(Version, version);
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>().Inputs(i => i.Output(Version)));
        await run.RunAsync(script, "B");
        var same = await run.RunAsync(script, "B");

        version = "1.1.0";
        var changed = await run.RunAsync(script, "B");

        Assert.True(same.Ran("A"), "A declares no inputs: it always runs");
        Assert.False(same.Ran("B"));
        Assert.Contains("ran: output Version changed", changed.SummaryRow("B"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_parameter_value_is_never_written_to_the_records()
    {
        using var run = new IncrementalRun();
        var script = new Script().Parameters(Token).Target<A>(t => t.Inputs(i => i.Parameter(Token)));

        await run.RunAsync(script, "A", "--token", "very-secret-value-123");

        var records = Directory.GetFiles(run.Root.Path / ".nuke" / "temp", "*", SearchOption.AllDirectories).Select(File.ReadAllText);
        Assert.DoesNotContain(records, r => r.Contains("very-secret-value-123", StringComparison.Ordinal));
    }
}
