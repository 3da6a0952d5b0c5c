using System.Collections.Concurrent;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Outputs;

/// <summary>A matrix whose cells are the items of another target's list output.</summary>
public sealed class DynamicMatrixSpecs
{
    public static readonly Output<IReadOnlyList<string>> Changed = new("The components that changed");
    public static readonly Output<IReadOnlyList<Component>> ChangedDetails = new("The components that changed, with their paths");
    private static readonly MatrixAxis<string> ChangedAxis = MatrixAxis.FromOutput(Changed, "component");
    private static readonly MatrixAxis<Component> DetailsAxis = MatrixAxis.FromOutput(ChangedDetails, "component");

    [Fact]
    public async Task The_matrix_gets_one_cell_per_item_the_producer_set()
    {
        var seen = new ConcurrentBag<string>();
        var script = new Script()
            .Target<A>(t => t.Produces(Changed), c =>
            {
                c.Set(Changed, ["auth", "users", "media"]);
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>().Matrix(ChangedAxis), c =>
            {
                seen.Add(c.Matrix!.Get(ChangedAxis));
                return Task.CompletedTask;
            });

        var run = await script.RunAsync("B");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["auth", "media", "users"], seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Items_can_be_records_read_typed_per_cell()
    {
        var seen = new ConcurrentBag<string>();
        var script = new Script()
            .Target<A>(t => t.Produces(ChangedDetails), c =>
            {
                c.Set(ChangedDetails, [new Component("auth", "src/auth"), new Component("users", "src/users")]);
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>().Matrix(DetailsAxis), c =>
            {
                var component = c.Matrix!.Get(DetailsAxis);
                seen.Add($"{component.Name}@{component.Path}");
                return Task.CompletedTask;
            });

        var run = await script.RunAsync("B");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["auth@src/auth", "users@src/users"], seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_empty_list_skips_the_matrix_target_with_the_reason_and_the_run_succeeds()
    {
        var script = new Script()
            .Target<A>(t => t.Produces(Changed), c =>
            {
                c.Set(Changed, []);
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>().Matrix(ChangedAxis));

        var run = await script.RunAsync("B");

        Assert.Equal(0, run.ExitCode);
        Assert.False(script.Ran("B"));
        Assert.Contains("its matrix is empty: the output Changed is []", run.SummaryRow("B"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_CI_leg_the_one_cell_comes_from_its_matrix_variable_as_toJSON_writes_it()
    {
        var seen = new ConcurrentBag<Component>();
        var script = new Script()
            .Target<A>(t => t.Produces(ChangedDetails))
            .Target<B>(t => t.DependsOn<A>().Matrix(DetailsAxis), c =>
            {
                seen.Add(c.Matrix!.Get(DetailsAxis));
                return Task.CompletedTask;
            });
        var variables = new Dictionary<string, string>
        {
            ["PIPELINE_MATRIX_COMPONENT"] = "{\n  \"name\": \"users\",\n  \"path\": \"src/users\"\n}",
            ["PIPELINE_OUTPUT_CHANGED_DETAILS"] = "[{\"name\":\"auth\",\"path\":\"src/auth\"},{\"name\":\"users\",\"path\":\"src/users\"}]",
        };

        var run = await script.RunAsync(["B", "--skip", "A"], variables);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([new Component("users", "src/users")], seen);
    }

    [Fact]
    public async Task An_output_that_is_not_a_list_fails_the_matrix_target_with_one_line()
    {
        var script = new Script()
            .Target<A>(t => t.Produces(Changed))
            .Target<B>(t => t.DependsOn<A>().Matrix(ChangedAxis));

        var run = await script.RunAsync(["B", "--skip", "A"], new Dictionary<string, string> { ["PIPELINE_OUTPUT_CHANGED"] = "{\"a\":1}" });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not a JSON list", run.SummaryRow("B"), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    public sealed record Component(string Name, string Path);
}
