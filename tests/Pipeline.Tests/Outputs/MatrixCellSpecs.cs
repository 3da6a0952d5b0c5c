using System.Collections.Concurrent;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Outputs;

/// <summary>Static matrices as GitHub reads them (include, exclude, a runner per cell), their cells read typed, each leg with its own files.</summary>
public sealed class MatrixCellSpecs
{
    private static readonly MatrixAxis Os = MatrixAxis.Of("os", "ubuntu-latest", "windows-latest");
    private static readonly MatrixAxis Configuration = MatrixAxis.Of("configuration", "Debug", "Release");
    private static readonly MatrixAxis Rid = MatrixAxis.Of("rid");

    [Fact]
    public void Cells_are_the_combinations_less_excludes_plus_includes_as_GitHub_computes_them()
    {
        var matrix = Matrix(m => m.Axis(Os).Axis(Configuration)
            .Exclude((Os, "windows-latest"), (Configuration, "Debug"))
            .Include((Os, "ubuntu-latest"), (Rid, "linux-x64"))
            .Include((Os, "windows-latest"), (Rid, "win-x64"))
            .Include((Os, "macos-latest"), (Configuration, "Release"), (Rid, "osx-arm64")));

        Assert.Equal(
            [
                "os=ubuntu-latest, configuration=Debug, rid=linux-x64",
                "os=ubuntu-latest, configuration=Release, rid=linux-x64",
                "os=windows-latest, configuration=Release, rid=win-x64",
                "os=macos-latest, configuration=Release, rid=osx-arm64",
            ],
            matrix.Cells().Select(c => c.ToString()));
    }

    [Fact]
    public void A_runner_field_that_some_cell_lacks_is_a_definition_error()
    {
        var error = Assert.Throws<DefinitionException>(() => Matrix(m => m.Axis(Configuration).Include((Configuration, "Release"), (Rid, "x")).RunsOn(Rid)));

        Assert.Contains("has the cell [configuration=Debug] with no 'rid' to run on", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Excluding_by_a_field_that_is_not_an_axis_is_a_definition_error()
    {
        var error = Assert.Throws<DefinitionException>(() => Matrix(m => m.Axis(Os).Exclude((Rid, "x"))));

        Assert.Contains("excludes by 'rid', which is not one of its axes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_cell_reads_its_values_and_included_fields_through_the_axes()
    {
        var seen = new ConcurrentBag<string>();
        var script = new Script().Target<A>(
            t => t.Matrix(m => m.Axis(Os).Include((Os, "windows-latest"), (Rid, "win-x64")).RunsOn(Os).FailFast(false).MaxParallel(2)),
            c =>
            {
                seen.Add($"{c.Matrix!.Get(Os)}:{c.Matrix.Find(Rid) ?? "-"}");
                return Task.CompletedTask;
            });

        var run = await script.RunAsync("A");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["ubuntu-latest:-", "windows-latest:win-x64"], seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task In_a_CI_leg_every_target_of_the_job_sees_the_cell_not_only_the_matrix_target()
    {
        var seen = new ConcurrentDictionary<string, string>();
        var script = new Script()
            .Target<A>(action: c =>
            {
                seen["A"] = c.Matrix?.Get(Os) ?? "none";
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>().Matrix(m => m.Axis(Os).RunsOn(Os)), c =>
            {
                seen["B"] = c.Matrix!.Get(Os);
                return Task.CompletedTask;
            });

        var run = await script.RunAsync(["B"], new Dictionary<string, string> { ["PIPELINE_MATRIX_OS"] = "windows-latest" });

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("windows-latest", seen["A"]);
        Assert.Equal("windows-latest", seen["B"]);
    }

    [Fact]
    public async Task Locally_a_target_outside_the_matrix_has_no_cell()
    {
        string? seen = "unset";
        var script = new Script()
            .Target<A>(action: c =>
            {
                seen = c.Matrix?.Get(Os);
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>().Matrix(Os));

        Assert.Equal(0, (await script.RunAsync("B")).ExitCode);
        Assert.Null(seen);
    }

    [Fact]
    public async Task Legs_running_side_by_side_each_have_a_directory_of_their_own()
    {
        using var root = new TempRoot();
        var directories = new ConcurrentBag<string>();
        var rendezvous = new Rendezvous(2);
        var script = new Script().Target<A>(t => t.Matrix(Os), async c =>
        {
            var file = c.TempDirectory / "hand-off.txt";
            await File.WriteAllTextAsync(file, c.Matrix!.Get(Os), c.Cancellation);
            await rendezvous.ArriveAsync(c.Cancellation);
            Assert.Equal(c.Matrix.Get(Os), await File.ReadAllTextAsync(file, c.Cancellation));
            directories.Add(c.TempDirectory);
        });

        var run = await script.RunAsync(["A"], new Dictionary<string, string>(), root);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, directories.Distinct().Count());
        Assert.All(directories, d => Assert.StartsWith(root.Path / ".nuke" / "temp" / "targets" / "A", d, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_target_directory_starts_empty_on_every_run()
    {
        using var root = new TempRoot();
        var found = new List<bool>();
        var script = new Script().Target<A>(action: async c =>
        {
            found.Add(File.Exists(c.TempDirectory / "left.txt"));
            await File.WriteAllTextAsync(c.TempDirectory / "left.txt", "x", c.Cancellation);
        });

        await script.RunAsync(["A"], new Dictionary<string, string>(), root);
        await script.RunAsync(["A"], new Dictionary<string, string>(), root);

        Assert.Equal([false, false], found);
    }

    private static TargetMatrix Matrix(Action<MatrixSpec> configure)
    {
        var script = new Script().Target<A>(t => t.Matrix(configure));
        var graph = Pipeline.Tests.GitHubActions.Support.Workflows.Graph(script.Builder());
        return graph["A"].Matrix!;
    }
}
