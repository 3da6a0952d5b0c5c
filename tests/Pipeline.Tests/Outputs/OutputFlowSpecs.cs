using Pipeline.Tests.Support;

namespace Pipeline.Tests.Outputs;

/// <summary>Typed outputs in a local run: a value set by one target is read by its dependents, in-process.</summary>
public sealed class OutputFlowSpecs
{
    public static readonly Output<string> Version = new("The version to stamp");
    public static readonly Output<bool> IsRelease = new("Whether this is a release");
    public static readonly Output<int> BuildNumber = new("The build number");
    public static readonly Output<Release> Details = new("The release as a record");
    public static readonly Output<IReadOnlyList<string>> Components = new("Changed components");
    private static readonly Parameter<string> Token = Parameter.Secret("A token");

    [Fact]
    public async Task A_value_set_by_the_producer_is_read_typed_by_a_dependent()
    {
        object[]? read = null;
        var script = new Script()
            .Target<A>(
                t => t.Produces(Version).Produces(IsRelease).Produces(BuildNumber).Produces(Details).Produces(Components),
                c =>
                {
                    c.Set(Version, "1.2.3");
                    c.Set(IsRelease, true);
                    c.Set(BuildNumber, 42);
                    c.Set(Details, new Release("1.2.3", ["linux", "windows"]));
                    c.Set(Components, ["auth", "users"]);
                    return Task.CompletedTask;
                })
            .Target<B>(
                t => t.DependsOn<A>().Consumes(Version).Consumes(IsRelease).Consumes(BuildNumber).Consumes(Details).Consumes(Components),
                c =>
                {
                    read = [c.Get(Version), c.Get(IsRelease), c.Get(BuildNumber), c.Get(Details), c.Get(Components)];
                    return Task.CompletedTask;
                });

        var run = await script.RunAsync("B");

        Assert.Equal(0, run.ExitCode);
        Assert.NotNull(read);
        Assert.Equal("1.2.3", read[0]);
        Assert.Equal(true, read[1]);
        Assert.Equal(42, read[2]);
        Assert.Equal("1.2.3", ((Release)read[3]).Version);
        Assert.Equal(["linux", "windows"], ((Release)read[3]).Platforms);
        Assert.Equal(["auth", "users"], (IReadOnlyList<string>)read[4]);
    }

    [Fact]
    public async Task A_target_that_declared_an_output_and_did_not_set_it_fails_with_one_line()
    {
        var script = new Script()
            .Target<A>(t => t.Produces(Version))
            .Target<B>(t => t.DependsOn<A>().Consumes(Version));

        var run = await script.RunAsync("B");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("A did not set its output Version", run.SummaryRow("A"), StringComparison.Ordinal);
        Assert.False(script.Ran("B") && script.Events.Any(e => e.Target == "B" && e.What == "end"), "B must not run");
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_that_carries_a_secret_is_refused_and_the_secret_is_not_printed()
    {
        const string Secret = "s3cr3t-token-value";
        var script = new Script()
            .Parameters(Token)
            .Target<A>(t => t.Produces(Version).Reads(Token), c =>
            {
                c.Set(Version, "v-" + c.Get(Token));
                return Task.CompletedTask;
            });

        var run = await script.RunAsync(["A"], new Dictionary<string, string> { ["TOKEN"] = Secret });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the output Version would carry a secret's value", run.SummaryRow("A"), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_the_output_of_a_target_that_is_not_upstream_is_a_definition_error_before_anything_runs()
    {
        var script = new Script()
            .Target<A>(t => t.Produces(Version), c =>
            {
                c.Set(Version, "1");
                return Task.CompletedTask;
            })
            .Target<B>(t => t.After<A>().Consumes(Version));

        var run = await script.RunAsync("A", "B");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("B reads the output Version of A, which is not upstream of it. Add .DependsOn<A>() to B.", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Events);
    }

    [Fact]
    public async Task Reading_an_output_no_target_produces_is_a_definition_error()
    {
        var run = await new Script().Target<B>(t => t.Consumes(Version)).RunAsync("B");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("B reads the output Version, which no target of the pipeline produces", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_matrix_target_cannot_produce_an_output()
    {
        var run = await new Script().Target<A>(t => t.Matrix(MatrixAxis.Of("os", "linux", "windows")).Produces(Version)).RunAsync("A");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("A is a matrix target and produces the output Version", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_an_undeclared_output_fails_the_target_naming_the_declaration_to_add()
    {
        var script = new Script()
            .Target<A>(t => t.Produces(Version), c =>
            {
                c.Set(Version, "1");
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>(), c =>
            {
                _ = c.Get(Version);
                return Task.CompletedTask;
            });

        var run = await script.RunAsync("B");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("B reads the output Version without declaring it: add .Consumes(Version)", run.SummaryRow("B"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_producer_did_not_run_here_the_value_comes_from_the_variable_a_CI_job_sets()
    {
        string? read = null;
        var script = new Script()
            .Target<A>(t => t.Produces(Version), _ => throw new InvalidOperationException("must not run"))
            .Target<B>(t => t.DependsOn<A>().Consumes(Version), c =>
            {
                read = c.Get(Version);
                return Task.CompletedTask;
            });

        var run = await script.RunAsync(["B", "--skip", "A"], new Dictionary<string, string> { ["PIPELINE_OUTPUT_VERSION"] = "2.0.0" });

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2.0.0", read);
    }

    [Fact]
    public async Task Without_the_producer_and_without_the_variable_reading_fails_naming_the_variable()
    {
        var script = new Script()
            .Target<A>(t => t.Produces(Version))
            .Target<B>(t => t.DependsOn<A>().Consumes(Version), c =>
            {
                _ = c.Get(Version);
                return Task.CompletedTask;
            });

        var run = await script.RunAsync("B", "--skip", "A");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("PIPELINE_OUTPUT_VERSION is not set", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_GitHub_Actions_the_producer_writes_its_outputs_to_GITHUB_OUTPUT_with_line_breaks_intact()
    {
        using var root = new TempRoot();
        var file = root.Write("github-output", "");
        var script = new Script().Target<A>(t => t.Produces(Version).Produces(Components), c =>
        {
            c.Set(Version, "line one\nline two");
            c.Set(Components, []);
            return Task.CompletedTask;
        });

        var run = await script.RunAsync(["A"], new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_OUTPUT"] = file }, root);

        Assert.Equal(0, run.ExitCode);
        var written = GitHubOutputs.Parse(File.ReadAllText(file));
        Assert.Equal("line one\nline two", written["version"]);
        Assert.Equal("[]", written["components"]);
    }

    public sealed record Release(string Version, IReadOnlyList<string> Platforms);
}
