using Pipeline.Tests.Support;

namespace Pipeline.Tests.Incremental;

/// <summary>Output files come back from the local cache instead of running the target again.</summary>
public sealed class OutputCacheSpecs
{
    private static readonly Output<string> Version = new("The version");

    [Fact]
    public async Task Deleted_outputs_are_restored_from_the_cache_without_running()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        var script = UpToDateSpecs.Compiler(run.Root);
        await run.RunAsync(script, "A");

        Directory.Delete(run.Root.Path / "out", recursive: true);
        var second = await run.RunAsync(script, "A");

        Assert.False(second.Ran("A"));
        Assert.Contains("up to date: no input changed; out/a.txt restored from the local cache", second.SummaryRow("A"), StringComparison.Ordinal);
        Assert.Equal("compiled", run.Root.Read("out/a.txt"));
    }

    [Fact]
    public async Task Inputs_seen_before_bring_back_their_outputs_from_the_cache()
    {
        using var run = new IncrementalRun();
        var source = run.Root.Write("src/a.cs", "one");
        var script = new Script().Target<A>(
            t => t.Inputs(i => i.Files("src/*.cs")).OutputFiles("out"),
            _ =>
            {
                run.Root.Write("out/nested/a.txt", File.ReadAllText(source).ToUpperInvariant());
                return Task.CompletedTask;
            });
        await run.RunAsync(script, "A");
        File.WriteAllText(source, "two");
        await run.RunAsync(script, "A");

        File.WriteAllText(source, "one");
        var back = await run.RunAsync(script, "A");

        Assert.False(back.Ran("A"));
        Assert.Contains("its inputs match an earlier success; outputs restored from the local cache", back.SummaryRow("A"), StringComparison.Ordinal);
        Assert.Equal("ONE", run.Root.Read("out/nested/a.txt"));
    }

    [Fact]
    public async Task Typed_output_values_are_restored_for_dependents()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        var computed = "1.2.3";
        var read = new List<string>();
        var script = new Script()
            .Target<A>(t => t.Inputs(i => i.Files("src/*.cs")).Produces(Version), c =>
            {
                c.Set(Version, computed);
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>().Consumes(Version), c =>
            {
                read.Add(c.Get(Version));
                return Task.CompletedTask;
            });
        await run.RunAsync(script, "B");

        computed = "not computed again";
        var second = await run.RunAsync(script, "B");

        Assert.Equal(0, second.ExitCode);
        Assert.False(second.Ran("A"));
        Assert.Equal(["1.2.3", "1.2.3"], read);
    }

    [Fact]
    public async Task With_a_bound_of_zero_nothing_is_kept_and_missing_outputs_make_it_run()
    {
        using var run = new IncrementalRun();
        run.Variables["PIPELINE_CACHE_LIMIT_MB"] = "0";
        run.Root.Write("src/a.cs", "class A {}");
        var script = UpToDateSpecs.Compiler(run.Root);
        await run.RunAsync(script, "A");

        File.Delete(run.Root.Path / "out" / "a.txt");
        var second = await run.RunAsync(script, "A");

        Assert.True(second.Ran("A"));
        Assert.Contains("ran: its output out/a.txt is missing and not in the local cache", second.SummaryRow("A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_oldest_entries_are_evicted_beyond_the_bound()
    {
        using var run = new IncrementalRun();
        run.Variables["PIPELINE_CACHE_LIMIT_MB"] = "1";
        var source = run.Root.Write("src/a.cs", "0");
        var script = new Script().Target<A>(
            t => t.Inputs(i => i.Files("src/*.cs")).OutputFiles("out/big.bin"),
            _ =>
            {
                Directory.CreateDirectory(run.Root.Path / "out");
                File.WriteAllBytes(run.Root.Path / "out" / "big.bin", new byte[400 * 1024]);
                return Task.CompletedTask;
            });

        foreach (var version in new[] { "1", "2", "3", "4" })
        {
            File.WriteAllText(source, version);
            await run.RunAsync(script, "A");
            await Task.Delay(20, TestContext.Current.CancellationToken); // distinct last-use times
        }

        var entries = Directory.GetDirectories(run.Root.Path / ".nuke" / "temp" / "cache");
        Assert.Equal(2, entries.Length); // 2 × 400 KiB fit in 1 MiB, 3 do not
        File.WriteAllText(source, "1");
        Assert.True((await run.RunAsync(script, "A")).Ran("A"), "the oldest entry was evicted");
        File.WriteAllText(source, "4");
        Assert.False((await run.RunAsync(script, "A")).Ran("A"), "the newest entry is kept");
    }
}
