using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions.Reusable;

/// <summary>
/// A monorepo shaped like the .NET one of shared/reference-workflows (02): a detection job lists the
/// components whose paths changed, one call of the component workflow per row of a table, each with
/// its own filter and matrix, and the required check needs every one of them, derived.
/// </summary>
public sealed class ComponentTableSpecs
{
    public static readonly Output<IReadOnlyList<string>> Changes = new("The filters whose paths changed");
    public static readonly Parameter<string> ProjectName = Parameter.Create<string>("The project to build and test").AsRequired();
    public static readonly Parameter<string> Os = Parameter.Create("The runner to test on", "ubuntu-24.04");
    public static readonly Parameter<bool> Pack = Parameter.Create("Pack the component", true);

    /// <summary>One component: its filter name, its project, the runners it is tested on.</summary>
    public sealed record Component(string Name, string Project, IReadOnlyList<string> OsList, bool Pack = true);

    private static readonly Component[] Components =
    [
        new("exporter-geneva", "OpenTelemetry.Exporter.Geneva", ["windows-2025", "ubuntu-24.04"]),
        new("exporter-influxdb", "OpenTelemetry.Exporter.InfluxDB", ["windows-2025", "ubuntu-24.04"]),
        new("instrumentation-aspnet", "OpenTelemetry.Instrumentation.AspNet", ["windows-2025"]),
        new("resources-operatingsystem", "OpenTelemetry.Resources.OperatingSystem", ["windows-2025", "ubuntu-24.04", "macos-26"], Pack: false),
    ];

    /// <summary>E detects the changes; F builds and tests one component (the callee's job).</summary>
    private static Script Pipeline() => new Script()
        .Parameters(ProjectName, Os, Pack)
        .Target<E>(t => t.Produces(Changes))
        .Target<F>(t => t.Reads(ProjectName).Reads(Os).Reads(Pack));

    [Fact]
    public async Task Each_row_is_a_call_with_its_own_filter_and_matrix_and_the_aggregator_needs_every_one()
    {
        var caller = InlineWorkflow.Plan(Pipeline(), w => w
            .OnPullRequest(branches: ["main*"]).OnMergeGroup("checks_requested")
            .Job<E>()
            .CallEach<ComponentBuild, Component>(Components, c => $"build-test-{c.Name}", (c, call) => call
                .If(Contexts.Output(Changes).Contains(c.Name) | Contexts.Output(Changes).Contains("build"))
                .Matrix("os", [.. c.OsList])
                .With(ProjectName, c.Project)
                .With(Os, Contexts.Matrix("os"))
                .With(Pack, c.Pack))
            .Aggregate("build-test"));
        var yaml = RenderedYaml.Parse(caller);

        var rows = Components.Select(c => $"build-test-{c.Name}").ToList();
        foreach (var (row, component) in rows.Zip(Components))
        {
            var job = yaml.At("jobs", row);
            Assert.Equal(["e"], job.At("needs").Items()); // derived from the output its condition reads
            Assert.Equal($"contains(needs.e.outputs.changes, '{component.Name}') || contains(needs.e.outputs.changes, 'build')", job.At("if").Text());
            Assert.Equal(component.OsList, job.At("strategy", "matrix", "os").Items());
            Assert.Equal("./.github/workflows/component-build.yml", job.At("uses").Text());
            Assert.Equal(component.Project, job.At("with", "project-name").Text());
            Assert.Equal("${{ matrix.os }}", job.At("with", "os").Text());
        }

        // Every job, rows included, none left out: the reference workflow's check missed one.
        var aggregator = yaml.At("jobs", "build-test");
        Assert.Equal(["e", .. rows], aggregator.At("needs").Items());
        Assert.Equal("always()", aggregator.At("if").Text());
        Assert.Equal(
            "${{ !contains(needs.*.result, 'failure') && !contains(needs.*.result, 'cancelled') }}",
            aggregator.At("steps", "0", "env", "ALL_PASSED").Text());

        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(caller), "ci.yml");
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(Workflows.Plan<ComponentBuild>(Pipeline().Builder())), "component-build.yml");
    }

    [Fact]
    public void A_row_added_to_the_table_is_needed_by_the_aggregator_without_another_line()
    {
        Component[] more = [.. Components, new("exporter-onecollector", "OpenTelemetry.Exporter.OneCollector", ["ubuntu-24.04"])];

        var caller = InlineWorkflow.Plan(Pipeline(), w => w
            .Job<E>()
            .CallEach<ComponentBuild, Component>(more, c => $"build-test-{c.Name}", (c, call) => call.If(Contexts.Output(Changes).Contains(c.Name)).With(ProjectName, c.Project))
            .Aggregate("build-test"));

        Assert.Contains("build-test-exporter-onecollector", caller["build-test"].Needs);
        Assert.Equal(caller.Jobs.Count - 1, caller["build-test"].Needs.Count);
    }

    [Fact]
    public void Two_rows_with_one_id_fail_generation()
    {
        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(Pipeline(), w => w
            .CallEach<ComponentBuild, Component>([Components[0], Components[0]], c => $"build-test-{c.Name}", (c, call) => call.With(ProjectName, c.Project))));

        Assert.Contains("two jobs have the id 'build-test-exporter-geneva'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The component workflow (Component.BuildTest.yml): builds and tests one project on one runner.</summary>
    internal sealed class ComponentBuild : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow.OnWorkflowCall(ProjectName, Os, Pack).Job<F>();
    }
}
