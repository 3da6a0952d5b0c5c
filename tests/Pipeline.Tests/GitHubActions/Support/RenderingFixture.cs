using Pipeline.GitHubActions;

// A fixture for RenderingSpecs (once the model of the pr-validation-and-k3s-smoke seed, which is now
// samples/accounts-service): two workflows from one graph with services, secrets, conditions, typed
// dispatch inputs, an environment, job permissions and a pinned checkout, so every YAML shape shows up.
namespace Pipeline.Tests.GitHubActions.Support.RenderingFixture;

public enum ClusterSize
{
    Small,
    Large,
}

public static class Declarations
{
    public static readonly Parameter<string> DockerHubToken = Parameter.Secret("Docker Hub access token");

    public static readonly Parameter<string> SshPrivateKey = Parameter.Secret("Key of the production host");

    public static readonly Parameter<string> AwsHost = Parameter.Create<string>("Production host name");

    public static readonly Parameter<ClusterSize> SmokeClusterSize = Parameter.Create("Size of the throwaway cluster", ClusterSize.Small);

    public static readonly Parameter<bool> KeepCluster = Parameter.Create("Keep the smoke cluster for debugging", false);

    public static readonly ServiceContainer Postgres = new ServiceContainer("postgres", "postgres:16-alpine")
        .WithEnvironment("POSTGRES_PASSWORD", "postgres").WithPorts(5432).WithHealthCheck("pg_isready -U postgres");

    public static readonly ServiceContainer Redis = new ServiceContainer("redis", "redis:7-alpine")
        .WithPorts(6379).WithHealthCheck("redis-cli ping");

    public static readonly Artifact Coverage = Artifact.Of("coverage", "artifacts/coverage/*.out");

    public static PipelineBuilder Pipeline() => new PipelineBuilder()
        .Add<Lint>().Add<Test>().Add<BuildApi>().Add<BuildExecutor>().Add<SizeCheck>()
        .Add<PushImages>().Add<SmokeK3s>().Add<ShowClusterLogs>().Add<DeployAws>().Add<TrivyScan>()
        .Parameters(SmokeClusterSize, KeepCluster);
}

public sealed class Lint : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.Toolchain(Toolchain.Go);
}

public sealed class Test : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .Toolchain(Toolchain.Go).Service(Declarations.Postgres).Service(Declarations.Redis).Produces(Declarations.Coverage with { EvenOnFailure = true });
}

public sealed class BuildApi : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Lint>().DependsOn<Test>();
}

public sealed class BuildExecutor : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Lint>().DependsOn<Test>();
}

public sealed class SizeCheck : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Lint>().DependsOn<Test>();
}

public sealed class PushImages : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<BuildApi>().DependsOn<BuildExecutor>().Requires(Declarations.DockerHubToken).OnlyWhen(Condition.OnPush);
}

public sealed class SmokeK3s : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<PushImages>().Reads(Declarations.SmokeClusterSize);
}

public sealed class ShowClusterLogs : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<SmokeK3s>().OnlyWhen(Condition.OnFailure);
}

public sealed class DeployAws : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<SmokeK3s>().Requires(Declarations.SshPrivateKey).Requires(Declarations.AwsHost).OnlyWhen(Condition.OnBranch("main"));
}

public sealed class TrivyScan : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<DeployAws>().WarningOnly();
}

public sealed class PullRequestValidation : WorkflowBase
{
    protected override void Configure(WorkflowSpec workflow) => base.Configure(workflow
        .OnPullRequest(branches: ["main", "develop"])
        .Concurrency()
        .Job<Lint>().Job<Test>().Job<BuildApi>().Job<BuildExecutor>().Job<SizeCheck>());
}

public sealed class MainPipeline : WorkflowBase
{
    protected override void Configure(WorkflowSpec workflow) => base.Configure(workflow
        .OnPush(branches: ["main", "develop"])
        .OnWorkflowDispatch(Declarations.SmokeClusterSize, Declarations.KeepCluster)
        .Concurrency(CancelInProgress.Never)
        .Job<Test>()
        .Job<PushImages>()
        .Job<SmokeK3s>(j => j.Timeout(TimeSpan.FromMinutes(20)))
        .Job<ShowClusterLogs>()
        .Job<DeployAws>(j => j.Environment("production", "https://app.example.com"))
        .Job<TrivyScan>(j => j.Permissions(Permission.Contents.Read, Permission.SecurityEvents.Write)));
}

/// <summary>What both workflows share: one pinned checkout.</summary>
public abstract class WorkflowBase : Workflow
{
    protected override void Configure(WorkflowSpec workflow) =>
        workflow.Pin("actions/checkout", "11bd71901bbe5b1630ceea73d27597364c9af683", "v4.2.2");
}
