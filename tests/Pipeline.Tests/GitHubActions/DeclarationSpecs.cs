using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>What the workflow and job settings mean: permissions, timeouts, and the frozen declaration planning reads.</summary>
public sealed class DeclarationSpecs
{
    private static readonly Script TwoJobs = new Script().Target<A>().Target<B>(t => t.DependsOn<A>());

    [Fact]
    public void A_workflow_without_permissions_gets_contents_read_and_its_jobs_keep_it()
    {
        var workflow = InlineWorkflow.Plan(TwoJobs, w => w.Job<A>().Job<B>());

        Assert.Equal(["contents: read"], Grants(workflow.Permissions));
        Assert.Null(workflow["a"].Permissions);
        Assert.Null(workflow["b"].Permissions);
    }

    [Fact]
    public void Workflow_permissions_replace_the_default_and_a_later_call_replaces_an_earlier_one()
    {
        var workflow = InlineWorkflow.Plan(TwoJobs, w => w
            .Permissions(Permission.Contents.Write, Permission.Issues.Read)
            .Permissions(Permission.PullRequests.Write, Permission.Actions.Read)
            .Job<A>().Job<B>());

        Assert.Equal(["actions: read", "pull-requests: write"], Grants(workflow.Permissions)); // sorted; no contents: read
        Assert.Null(workflow["a"].Permissions);
    }

    [Fact]
    public void Job_permissions_replace_the_workflows_as_GitHub_reads_them_and_a_later_call_replaces_an_earlier_one()
    {
        var workflow = InlineWorkflow.Plan(TwoJobs, w => w
            .Permissions(Permission.Contents.Read, Permission.Issues.Write)
            .Job<A>(j => j.Permissions(Permission.Checks.Write).Permissions(Permission.Packages.Write))
            .Job<B>());

        Assert.Equal(["packages: write"], Grants(workflow["a"].Permissions!)); // neither contents nor issues: replaced
        Assert.Null(workflow["b"].Permissions);
        Assert.Equal(["contents: read", "issues: write"], Grants(workflow.Permissions));
    }

    [Fact]
    public void No_grant_at_all_means_no_permission_for_the_workflow_and_for_a_job_alike()
    {
        var workflow = InlineWorkflow.Plan(TwoJobs, w => w.Permissions().Job<A>(j => j.Permissions()).Job<B>());
        var yaml = WorkflowRenderer.Render(workflow);

        Assert.Empty(workflow.Permissions);
        Assert.Empty(workflow["a"].Permissions!);
        Assert.Contains("\npermissions: {}\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\n    permissions: {}\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_permission_listed_twice_keeps_its_last_access_in_the_workflow_and_in_a_job_alike()
    {
        var workflow = InlineWorkflow.Plan(TwoJobs, w => w
            .Permissions(Permission.Contents.Write, Permission.Contents.Read)
            .Job<A>(j => j.Permissions(Permission.Packages.Read, Permission.Contents.Read, Permission.Packages.Write)));

        Assert.Equal(["contents: read"], Grants(workflow.Permissions));
        Assert.Equal(["contents: read", "packages: write"], Grants(workflow["a"].Permissions!));
    }

    [Fact]
    public void A_permission_GitHub_adds_later_can_be_named()
    {
        var workflow = InlineWorkflow.Plan(TwoJobs, w => w.Job<A>(j => j.Permissions(Permission.Contents.Read, new Permission("models").Read)));

        Assert.Equal(["contents: read", "models: read"], Grants(workflow["a"].Permissions!));
        Assert.Equal(Permission.Contents, new Permission("contents"));
    }

    [Theory]
    [InlineData(600, 10)]
    [InlineData(601, 11)]
    [InlineData(90, 2)]
    [InlineData(1, 1)]
    public void A_timeout_is_written_in_whole_minutes_rounded_up(int seconds, int minutes)
    {
        var workflow = InlineWorkflow.Plan(TwoJobs, w => w.Job<A>(j => j.Timeout(TimeSpan.FromSeconds(seconds))));

        Assert.Equal(minutes, workflow["a"].TimeoutMinutes);
        Assert.Contains($"\n    timeout-minutes: {minutes}\n", WorkflowRenderer.Render(workflow), StringComparison.Ordinal);
    }

    [Fact]
    public void The_workflows_timeout_is_the_default_of_jobs_that_set_none()
    {
        var workflow = InlineWorkflow.Plan(TwoJobs, w => w
            .Timeout(TimeSpan.FromMinutes(20) + TimeSpan.FromTicks(1))
            .Job<A>(j => j.Timeout(TimeSpan.FromMinutes(5)))
            .Job<B>());
        var none = InlineWorkflow.Plan(TwoJobs, w => w.Job<A>());

        Assert.Equal(5, workflow["a"].TimeoutMinutes);
        Assert.Equal(21, workflow["b"].TimeoutMinutes); // a tick over 20 minutes is 21
        Assert.Null(none["a"].TimeoutMinutes); // GitHub's default
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void A_timeout_that_is_not_positive_is_rejected_where_it_is_declared(int seconds)
    {
        var spec = new WorkflowSpec(typeof(DeclarationSpecs));
        var limit = TimeSpan.FromSeconds(seconds);

        Assert.Throws<ArgumentOutOfRangeException>(() => spec.Timeout(limit));
        Assert.Throws<ArgumentOutOfRangeException>(() => spec.Job<A>(j => j.Timeout(limit)));
        Assert.Throws<ArgumentOutOfRangeException>(() => spec.Timeout(TimeSpan.MaxValue)); // more minutes than timeout-minutes can say
    }

    [Fact]
    public void The_declaration_is_a_copy_that_later_calls_on_the_builders_and_changes_to_arrays_passed_in_do_not_reach()
    {
        var branches = new[] { "main" };
        var labels = new[] { "ubuntu-24.04" };
        var secret = Parameter.Secret("A token", "DeployToken");
        JobSpec? job = null;
        var spec = new WorkflowSpec(typeof(DeclarationSpecs))
            .OnPush(branches: branches)
            .RunsOn(labels)
            .Env("A", "1")
            .Permissions(Permission.Contents.Read)
            .Timeout(TimeSpan.FromMinutes(10))
            .Job<A>(j => job = j.RunsOn(labels).Permissions(Permission.Issues.Write));
        var declaration = spec.ToDeclaration();

        branches[0] = "develop";
        labels[0] = "windows-latest";
        job!.Permissions(Permission.Actions.Write).Timeout(TimeSpan.FromMinutes(1)).Environment("production");
        spec.Name("Other").FileName("other").OnPush(branches: ["release"]).OnSchedule("0 3 * * *").OnWorkflowDispatch()
            .RunsOn("self-hosted").Env("B", "2").Permissions(Permission.Packages.Write).Timeout(TimeSpan.FromMinutes(1))
            .Concurrency(CancelInProgress.Always).Pin("actions/checkout", new string('a', 40), "v4").Secret(secret, "OTHER")
            .Job<B>();

        Assert.Equal("Declaration Specs", declaration.Name);
        Assert.Equal(".github/workflows/declaration-specs.yml", declaration.Path);
        Assert.Equal(["main"], declaration.Push!.Branches);
        Assert.Empty(declaration.Schedules);
        Assert.False(declaration.Dispatch);
        Assert.Null(declaration.Cancel);
        Assert.Equal(["ubuntu-24.04"], declaration.RunsOn!);
        Assert.Equal([new KeyValuePair<string, string?>("A", "1")], declaration.Env.Select(e => KeyValuePair.Create(e.Key, e.Value.Text)));
        Assert.Equal([Permission.Contents.Read], declaration.Permissions!);
        Assert.Equal(TimeSpan.FromMinutes(10), declaration.Timeout);
        Assert.Empty(declaration.Pins);
        Assert.Empty(declaration.SecretNames);
        var onlyJob = Assert.Single(declaration.Jobs);
        Assert.Equal(typeof(A), onlyJob.TargetType);
        Assert.Equal(["ubuntu-24.04"], onlyJob.RunsOn!);
        Assert.Equal([Permission.Issues.Write], onlyJob.Permissions!);
        Assert.Null(onlyJob.Timeout);
        Assert.Null(onlyJob.Environment);
        Assert.True(((ICollection<JobDeclaration>)declaration.Jobs).IsReadOnly);
        Assert.True(((ICollection<KeyValuePair<string, DeclaredText>>)declaration.Env).IsReadOnly);
    }

    [Fact]
    public void Planning_reads_the_declaration_so_a_builder_changed_afterwards_changes_nothing()
    {
        var graph = Workflows.Graph(TwoJobs.Builder());
        var spec = new WorkflowSpec(typeof(DeclarationSpecs)).OnPush().Job<A>();
        var declaration = spec.ToDeclaration();
        var before = WorkflowRenderer.Render(WorkflowPlanner.Plan(declaration, graph));

        spec.Permissions(Permission.Packages.Write).Timeout(TimeSpan.FromMinutes(3)).Job<B>();

        Assert.Equal(before, WorkflowRenderer.Render(WorkflowPlanner.Plan(declaration, graph)));
        Assert.DoesNotContain("packages: write", before, StringComparison.Ordinal);
        Assert.DoesNotContain("timeout-minutes", before, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Grants(IReadOnlyList<PermissionGrant> grants) => grants.Select(g => g.ToString());
}
