using Pipeline.Generation;
using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions.Pins;

/// <summary>
/// Every action a workflow uses is written by commit with its tag in a comment, from the shipped
/// defaults, the repository's .nuke/actions.lock.json over them, or the workflow's own Pin (which wins).
/// </summary>
public sealed class ActionLockSpecs
{
    private const string LoginSha = "5e57cd118135c172c3672efd75eb46360885c0ef";
    private const string OldCheckoutSha = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void The_generated_steps_use_their_actions_by_commit_from_the_shipped_defaults()
    {
        var workflow = InlineWorkflow.Plan(new Script().Target<A>(), w => w.Job<A>());

        var checkout = workflow.Jobs[0].Steps[0];
        Assert.Equal("actions/checkout@11d5960a326750d5838078e36cf38b85af677262", checkout.Uses);
        Assert.Equal("v4.4.0", checkout.UsesComment);
        Assert.All(workflow.Jobs.SelectMany(j => j.Steps).Where(s => s.Uses is not null), s => Assert.Matches("@[0-9a-f]{40}$", s.Uses));
    }

    [Fact]
    public void The_repository_lock_overrides_the_defaults_and_resolves_a_user_step_at_its_tag()
    {
        using var root = new TempRoot();
        root.Write(ActionLock.RelativePath, $$"""
            {
              "actions": {
                "actions/checkout": { "v4.1.0": "{{OldCheckoutSha}}" },
                "docker/login-action": { "v3.6.0": "{{LoginSha}}" }
              }
            }
            """);

        var file = Render<WithLogin>(root);

        Assert.Contains($"uses: actions/checkout@{OldCheckoutSha} # v4.1.0", file, StringComparison.Ordinal);
        Assert.Contains($"uses: docker/login-action@{LoginSha} # v3.6.0", file, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workflow_pin_wins_over_the_lock()
    {
        var workflow = InlineWorkflow.Plan(new Script().Target<A>(), w => w.Pin("actions/checkout", OldCheckoutSha, "v4.1.0").Job<A>());

        Assert.Equal($"actions/checkout@{OldCheckoutSha}", workflow.Jobs[0].Steps[0].Uses);
    }

    [Fact]
    public async Task An_action_by_a_tag_the_lock_does_not_hold_fails_generation_in_one_line_naming_the_command_that_locks_it()
    {
        using var root = new TempRoot();
        var error = new StringWriter();
        var environment = new PipelineEnvironment(root.Path, new Dictionary<string, string>(), TextWriter.Null, error, 2, false);

        var exitCode = await new Script().Target<A>().Builder().Workflows(w => w.Add<WithUnlockedLogin>())
            .RunAsync(["--generate"], environment, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Definition, exitCode);
        Assert.Contains(
            "  - the job a: its step 'Log in' uses docker/login-action@v3, a tag or branch that .nuke/actions.lock.json does not lock to a commit: " +
            "run ./build.sh --update-actions docker/login-action@v3 and commit the lock. (unpinned-uses)",
            error.ToString().Split('\n'));
        Assert.Empty(Directory.GetFiles(root.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_malformed_lock_is_refused_in_one_line_with_its_file_and_line()
    {
        using var root = new TempRoot();
        root.Write(ActionLock.RelativePath, "{\n  \"actions\": {\n    \"actions/checkout\": { \"v4\": 12 }\n  }\n}\n");

        var error = Assert.Throws<UsageException>(() => Render<Plain>(root));

        Assert.StartsWith(".nuke/actions.lock.json line 3: not an action lock", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_lock_entry_that_is_not_a_commit_is_refused_with_its_line()
    {
        using var root = new TempRoot();
        root.Write(ActionLock.RelativePath, "{\n  \"actions\": {\n    \"actions/checkout\": { \"v4\": \"v4\" }\n  }\n}\n");

        var error = Assert.Throws<UsageException>(() => Render<Plain>(root));

        Assert.Equal(".nuke/actions.lock.json line 3: actions/checkout v4 is locked to 'v4', which is not a full 40-character lowercase commit SHA.", error.Message);
    }

    [Fact]
    public void A_service_image_is_written_with_the_digest_the_lock_holds()
    {
        const string Digest = "sha256:0f0e0d0c0b0a09080706050403020100f0e0d0c0b0a090807060504030201000";
        var workflow = InlineWorkflow.Plan(new Script().Target<A>(), w => w.Job<A>(j => j.Container("postgres:16-alpine")));
        var locked = ImagePins.Apply(workflow, ActionLock.Empty with { Images = new Dictionary<string, string> { ["postgres:16-alpine"] = Digest } });

        Assert.Equal($"postgres:16-alpine@{Digest}", locked.Jobs[0].Settings.Container!.Image);
        Assert.Equal("postgres:16-alpine", workflow.Jobs[0].Settings.Container!.Image); // not locked: by tag, as zizmor's default level accepts
    }

    private static string Render<TWorkflow>(TempRoot root) where TWorkflow : Workflow, new()
    {
        var graph = Workflows.Graph(new Script().Target<A>().Builder());
        return new WorkflowFiles().Add<TWorkflow>()
            .Generate(new GenerationContext(graph, [], root.Path, "build", "Build"))
            .Single().Content;
    }

    public sealed class Plain : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow.OnPush().Job<A>();
    }

    public sealed class WithUnlockedLogin : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow.OnPush()
            .Job<A>(j => j.BeforeBuild(s => s.Name("Log in").Uses("docker/login-action@v3")));
    }

    public sealed class WithLogin : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow.OnPush()
            .Job<A>(j => j.BeforeBuild(s => s.Name("Log in").Uses("docker/login-action@v3.6.0")));
    }
}
