using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>
/// The escape hatch: every node (workflow, trigger, job, strategy, matrix, service, step) takes raw
/// keys, written after its typed keys; a raw key the generator also writes, or one reading secrets,
/// is a generation error; expressions are the user's choice and allowed.
/// </summary>
public sealed class RawKeySpecs
{
    private static readonly ServiceContainer Db = new ServiceContainer("db", "postgres:16").WithPorts(5432);
    private static readonly string[] Main = ["main"];
    private static readonly string[] Systems = ["ubuntu-24.04", "ubuntu-22.04"];
    private static readonly string[] Volumes = ["/tmp/db:/data"];

    [Fact]
    public async Task Raw_keys_are_written_in_place_after_the_typed_keys_of_every_node_and_lint_clean()
    {
        var workflow = InlineWorkflow.Plan(
            new Script().Target<A>(t => t.Service(Db)),
            w => w
                .Raw("run-name", "Build ${{ github.ref_name }}")
                .RawTrigger("push", "branches", Main)
                .RawTrigger("workflow_call", "inputs", new Dictionary<string, object?> { ["level"] = new Dictionary<string, object?> { ["type"] = "number", ["default"] = 3 } })
                .Job<A>(j => j
                    .Raw("if", "github.repository_owner == 'pipeline-build'")
                    .RawStrategy("fail-fast", false)
                    .RawMatrix("os", Systems)
                    .Service(Db, s => s.Raw("volumes", Volumes))
                    .AfterBuild(s => s.Name("Report").Run("echo done").Raw("continue-on-error", "${{ matrix.os == 'ubuntu-22.04' }}"))));

        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal("run-name", yaml.Keys()[^1]);
        Assert.Equal(["main"], yaml.At("on", "push", "branches").Items());
        Assert.Equal("3", yaml.At("on", "workflow_call", "inputs", "level", "default").Text());
        Assert.Equal("if", yaml.At("jobs", "a").Keys()[^1]);
        Assert.Equal("false", yaml.At("jobs", "a", "strategy", "fail-fast").Text());
        Assert.Equal(["ubuntu-24.04", "ubuntu-22.04"], yaml.At("jobs", "a", "strategy", "matrix", "os").Items());
        Assert.Equal(["image", "ports", "volumes"], yaml.At("jobs", "a", "services", "db").Keys());
        var report = yaml.Step("a", "Report");
        Assert.Equal(["name", "run", "continue-on-error"], report.Keys());
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "raw.yml");
    }

    public static TheoryData<string, string> Collisions => new()
    {
        { "workflow", "the workflow sets the raw key 'name'" },
        { "trigger", "the workflow (trigger push) sets the raw key 'branches'" },
        { "job", "the job A sets the raw key 'runs-on'" },
        { "service", "the job A (service container 'db') sets the raw key 'image'" },
        { "step", "the job A: its step make (Build) sets the raw key 'run'" },
    };

    [Theory]
    [MemberData(nameof(Collisions))]
    public void A_raw_key_the_generator_writes_itself_fails_generation_in_one_line(string node, string expected)
    {
        var workflow = InlineWorkflow.Plan(
            new Script().Target<A>(t => t.Service(Db)),
            w => _ = node switch
            {
                "workflow" => w.Raw("name", "Other").Job<A>(),
                "trigger" => w.OnPush(branches: ["main"]).RawTrigger("push", "branches", "dev").Job<A>(),
                "job" => w.Job<A>(j => j.Raw("runs-on", "macos-latest")),
                "service" => w.Job<A>(j => j.Service(Db, s => s.Raw("image", "postgres:17"))),
                _ => w.Job<A>(j => j.BeforeBuild(s => s.Id("make").Name("Build").Run("make").Raw("run", "make all"))),
            });

        var error = Assert.Throws<DefinitionException>(() => WorkflowRenderer.Render(workflow));

        Assert.Contains(expected + ", which the generator writes itself", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_raw_value_reading_secrets_fails_generation_but_other_expressions_are_the_users_choice()
    {
        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(
            new Script().Target<A>(),
            w => w.Job<A>(j => j.Raw("env", new Dictionary<string, object?> { ["TOKEN"] = "${{ secrets.NPM_TOKEN }}" }))));

        Assert.Contains("the job A: the raw key 'env' reads the secrets context", error.Message, StringComparison.Ordinal);

        var allowed = InlineWorkflow.Plan(new Script().Target<A>(), w => w.Job<A>(j => j.Raw("env", new Dictionary<string, object?> { ["SHA"] = "${{ github.sha }}" })));
        Assert.Equal("${{ github.sha }}", RenderedYaml.Parse(allowed).At("jobs", "a", "env", "SHA").Text());
    }

    [Fact]
    public void A_raw_value_of_a_kind_YAML_cannot_hold_fails_generation()
    {
        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(
            new Script().Target<A>(),
            w => w.Job<A>(j => j.Raw("services", new object()))));

        Assert.Contains("the raw key 'services' has a value of type Object", error.Message, StringComparison.Ordinal);
    }
}
