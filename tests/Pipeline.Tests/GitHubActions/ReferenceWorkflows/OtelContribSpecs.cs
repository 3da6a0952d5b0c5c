using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.ReferenceWorkflows.OtelContrib;
using Pipeline.Tests.GitHubActions.Support;

// 02-otel-dotnet-contrib-monorepo-ci.md, "What a typed C# pipeline must express", bullet by bullet:
// - merge_group with types; pull_request branch globs: covered (typed).
// - Concurrency group expression with cancel-in-progress false: covered (typed:
//   Concurrency(CancelInProgress.Never, Contexts.GitHub.Workflow + "-" + Contexts.GitHub.Sha)). Never
//   writes no cancel-in-progress key, which GitHub reads as false, the source's explicit value.
// - A paths-filter step from a typed component table, and a checkout conditional on the event: the
//   table is typed (Declarations.Filters: name → globs with negations); the matching is the
//   DetectChanges target's (the same locally), not a third-party action. The conditional, treeless
//   checkout: typed gap (the generated checkout takes no if: and no filter:), not reproduced.
// - Job outputs from a step output; downstream ifs as an OR of membership tests, substring or exact:
//   covered (typed: Output<IReadOnlyList<string>>, bound to the build step; each gate's OnlyWhen, from
//   ChangedFilters.Substring or .Exact over Contexts.Output(Changes), is its job's if:, the target being
//   all the job runs). The generated ifs are the source's. Bug reported, not fixed here: a local run and
//   the engine inside the job read the list output parsed, so contains() there is membership where
//   GitHub's is a substring test; in the over-triggered cases GitHub starts the job and the engine skips
//   its target.
// - Jobs that are reusable-workflow calls (uses:, with:, needs, if, job permissions): out of scope
//   for uses:/with: (issue 14); each call is a job running a target that stands for its callee, so
//   needs, if and permissions are covered as above.
// - Reusable-workflow definitions (workflow_call inputs, permissions {}): out of scope (issue 14).
// - Matrix axes from fromJSON(inputs…), exclude objects, fail-fast as an expression: out of scope
//   (they are the callee's, issue 14).
// - Step ifs on inputs, matrix, hashFiles(), strategy.job-index, !cancelled(): out of scope (the
//   callee's steps, issue 14).
// - Step names with expressions; GITHUB_ENV exports; ternary env: out of scope (the callee's, issue 14).
// - Step continue-on-error and timeout-minutes: out of scope here (the callee's); typed in StepSpec.
// - sudo -E per-OS step variants: out of scope (script content of the callee).
// - Action references of three kinds (SHA, ./ local workflow, docker://): SHA covered (typed Pin);
//   local reusable workflows out of scope (issue 14); docker:// is the callee's (StepSpec.Uses takes it).
// - Secrets-flow validation (callee reads a secret the caller never passes): out of scope (issue 14).
// - An always() aggregator over needs.*.result with needs derived from the graph: covered (typed:
//   Condition.Always and DependsOn; the source's omission of build-test-resources-operatingsystem
//   cannot happen); the result check through the escape hatch (typed gap: expression; Contexts.Needs<T>()
//   reads one job's result, and there is no typed needs.*.result).
// - Dozens of near-identical jobs from a data table with per-row overrides: the table is typed
//   (Declarations.Components); one job per row still takes one class per row (typed gap: jobs from data).
namespace Pipeline.Tests.GitHubActions.ReferenceWorkflows;

/// <summary>OpenTelemetry .NET Contrib's ci.yml reproduced as a pipeline: jobs, needs, ifs, outputs, permissions, triggers and the aggregator.</summary>
public sealed class OtelContribSpecs
{
    private static readonly string[] Gates = ["lint-actions", "lint-md", "lint-pwsh", "test-pwsh", "lint-yml", "lint-dotnet-format"];

    private static WorkflowModel Plan() => Workflows.Plan<Ci>(Declarations.Pipeline());

    private static string ComponentJob(Component row) => "build-test-" + row.Name;

    [Fact]
    public void Three_roots_then_the_gates_and_one_job_per_component_after_detect_changes_then_the_aggregator()
    {
        var workflow = Plan();

        Assert.Equal(
            ["lint-misspell-sanitycheck", "code-ql", "detect-changes", .. Gates, .. Declarations.Components.Select(ComponentJob), "verify-aot-compat", "build-test"],
            workflow.Jobs.Select(j => j.Id));
        Assert.All(["lint-misspell-sanitycheck", "code-ql", "detect-changes"], root => Assert.Empty(workflow[root].Needs));
        Assert.All(workflow.Jobs.Skip(3).SkipLast(1), job => Assert.Equal(["detect-changes"], job.Needs));
    }

    [Fact]
    public void The_aggregator_runs_always_and_needs_every_job_derived_from_the_graph()
    {
        var workflow = Plan();
        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal("always()", workflow["build-test"].If);
        Assert.Equal("ubuntu-24.04", yaml.At("jobs", "build-test", "runs-on").Text());
        // Every job but detect-changes, which each of them needs already (needs are transitively reduced).
        Assert.Equal(workflow.Jobs.Select(j => j.Id).Except(["detect-changes", "build-test"]), workflow["build-test"].Needs);
        // The source leaves this one out by accident; derived needs cannot.
        Assert.Contains("build-test-resources-operatingsystem", workflow["build-test"].Needs);
        var check = yaml.Step("build-test", "Check the needed jobs");
        Assert.Equal("bash", check.At("shell").Text());
        Assert.Equal("${{ !contains(needs.*.result, 'failure') && !contains(needs.*.result, 'cancelled') }}", check.At("env", "CI_SUCCESS").Text());
    }

    [Fact]
    public void Triggers_concurrency_and_permissions_are_the_workflows()
    {
        var yaml = RenderedYaml.Parse(Plan());

        Assert.Equal("Build", yaml.At("name").Text());
        Assert.Equal(["push", "pull_request", "merge_group"], yaml.At("on").Keys());
        Assert.Equal(["checks_requested"], yaml.At("on", "merge_group", "types").Items());
        Assert.Equal(["main"], yaml.At("on", "push", "branches").Items());
        Assert.Equal(["main*", "instrumentation*", "exporter*", "extensions*"], yaml.At("on", "pull_request", "branches").Items());
        Assert.Equal("${{ github.workflow }}-${{ github.sha }}", yaml.At("concurrency", "group").Text());
        Assert.False(yaml.Has("concurrency", "cancel-in-progress")); // GitHub's default is false: the source's explicit false means the same
        Assert.Equal(["contents"], yaml.At("permissions").Keys());
        Assert.Equal("read", yaml.At("permissions", "contents").Text());
        Assert.False(yaml.Has("env"));
    }

    [Fact]
    public void Job_permissions_cap_code_ql_and_the_lint_gates_that_declare_them()
    {
        var workflow = Plan();

        Assert.Equal(["actions: read", "contents: read", "security-events: write"], workflow["code-ql"].Permissions!.Select(p => p.ToString()));
        Assert.Equal(["actions: read", "contents: read"], workflow["lint-actions"].Permissions!.Select(p => p.ToString()));
        Assert.Equal(["contents: read"], workflow["lint-pwsh"].Permissions!.Select(p => p.ToString()));
        Assert.Equal(["contents: read"], workflow["test-pwsh"].Permissions!.Select(p => p.ToString()));
        Assert.All(["lint-md", "lint-yml", "lint-dotnet-format", "detect-changes", "build-test"], job => Assert.Null(workflow[job].Permissions));
    }

    [Fact]
    public void Detect_changes_runs_on_Windows_and_publishes_the_matched_filters_as_its_output()
    {
        var workflow = Plan();

        Assert.Equal(["windows-2025"], workflow["detect-changes"].RunsOn);
        Assert.Equal([KeyValuePair.Create("changes", "${{ steps.build.outputs.changes }}")], workflow["detect-changes"].Outputs);
        Assert.Equal("./build.ps1 DetectChanges", workflow["detect-changes"].BuildStep.Run);
        Assert.Contains(KeyValuePair.Create("PIPELINE_OUTPUT_CHANGES", "${{ needs.detect-changes.outputs.changes }}"), workflow["lint-md"].BuildStep.Env);
    }

    public static TheoryData<string, string[]> GateFilters => new()
    {
        { "lint-actions", ["github"] },
        { "lint-md", ["md", "build"] },
        { "lint-pwsh", ["pwsh", "yml"] },
        { "test-pwsh", ["pwsh", "build"] },
        { "lint-yml", ["yml", "build"] },
        { "lint-dotnet-format", ["code", "build"] },
    };

    [Theory]
    [MemberData(nameof(GateFilters))]
    public void Each_lint_gate_runs_when_one_of_its_filters_matched(string job, string[] filters)
    {
        var yaml = RenderedYaml.Parse(Plan());

        Assert.Equal(
            string.Join(" || ", filters.Select(f => $"contains(needs.detect-changes.outputs.changes, '{f}')")),
            yaml.At("jobs", job, "if").Text());
    }

    [Fact]
    public void Each_component_job_runs_when_its_filter_build_or_shared_matched_the_integration_row_on_genevas_filter()
    {
        var yaml = RenderedYaml.Parse(Plan());

        foreach (var row in Declarations.Components)
        {
            Assert.Equal(
                string.Join(" || ", new[] { row.Filter, "build", "shared" }.Select(f => $"contains(needs.detect-changes.outputs.changes, '{f}')")),
                yaml.At("jobs", ComponentJob(row), "if").Text());
        }

        Assert.StartsWith("contains(needs.detect-changes.outputs.changes, 'exporter-geneva') ||", yaml.At("jobs", "build-test-exporter-geneva-integration", "if").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_aot_compat_runs_for_the_AOT_components_and_aot_aottestapp_build_shared()
    {
        var condition = RenderedYaml.Parse(Plan()).At("jobs", "verify-aot-compat", "if").Text();
        var terms = condition.Split(" || ").Select(t => t["contains(needs.detect-changes.outputs.changes, '".Length..^2]).ToList();

        Assert.Equal([.. Declarations.Components.Where(c => c.Aot && c.Filter == c.Name).Select(c => c.Name), "aot", "aottestapp", "build", "shared"], terms);
        Assert.DoesNotContain("instrumentation-aspnet", terms); // .NET Framework only
    }

    [Fact]
    public void The_component_table_holds_the_filters_and_the_per_row_overrides_of_the_description()
    {
        var filters = Declarations.Filters();

        Assert.Equal(["md", "pwsh", "yml", "build", "github", "shared", "contrib-shared-tests", "code", "aottestapp"], filters.Take(9).Select(f => f.Name));
        Assert.Equal(filters.Count, filters.DistinctBy(f => f.Name).Count());
        Assert.Contains("!**/*.md", filters.Single(f => f.Name == "exporter-geneva").Globs);
        Assert.Contains(filters.Single(f => f.Name == "instrumentation-entityframeworkcore").Globs, g => g.Contains("SqlClient", StringComparison.Ordinal));
        Assert.Equal(["windows-2025"], Declarations.Row("instrumentation-owin").OsList);
        Assert.Equal(["net462"], Declarations.Row("instrumentation-remoting").TfmList);
        Assert.Equal(["net472", "net8.0", "net9.0", "net10.0"], Declarations.Row("instrumentation-aws").TfmList);
        Assert.Equal(["windows-2025", "ubuntu-24.04", "macos-26"], Declarations.Row("resources-host").OsList);
        var integration = Declarations.Row("exporter-geneva-integration");
        Assert.Equal("CategoryName=Geneva:user_events:metrics", integration.TestCaseFilter);
        Assert.True(integration.TestRequireElevated);
        Assert.False(integration.Pack);
        Assert.False(Declarations.Row("semanticconventions").RunTests);
        Assert.False(Declarations.Row("contrib-shared-tests").Pack);
    }

    [Fact]
    public async Task Exact_membership_parses_the_list_where_the_source_tests_a_substring_of_the_text()
    {
        // The gates above use the substring form, as the source does; this gate takes the exact one.
        var workflow = Workflows.Plan<ExactCi>(new PipelineBuilder().Add<DetectChanges>().Add<ExactlyShared>());

        Assert.Equal("contains(fromJSON(needs.detect-changes.outputs.changes), 'shared')", workflow["exactly-shared"].If);
        Assert.Equal(["detect-changes"], workflow["exactly-shared"].Needs);
        await WorkflowLint.AssertCleanAsync(Workflows.Render<ExactCi>(new PipelineBuilder().Add<DetectChanges>().Add<ExactlyShared>()).Content, "exact.yml");
    }

    [Fact]
    public async Task The_generated_workflow_passes_actionlint_and_GitHubs_parser()
    {
        var file = Workflows.Render<Ci>(Declarations.Pipeline());

        await WorkflowLint.AssertCleanAsync(file.Content, "ci.yml");
    }
}
