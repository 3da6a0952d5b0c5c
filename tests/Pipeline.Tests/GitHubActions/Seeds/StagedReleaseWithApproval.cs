using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;

// staged-release-with-approval.md: quality gates (lint, SAST, unit, integration with PostgreSQL
// and Redis), images, container scan, staging deploy and tests, a manual approval (the production
// environment) before a blue-green production deploy, a health check with automatic rollback, and
// daily security scans on a schedule. Push, pull request and manual triggers.
namespace Pipeline.Tests.GitHubActions.Seeds.StagedReleaseWithApproval;

public static class Declarations
{
    public static readonly Parameter<string> KubeConfigStaging = Parameter.Secret("kubeconfig of the staging cluster");

    public static readonly Parameter<string> KubeConfigProduction = Parameter.Secret("kubeconfig of the production cluster");

    public static readonly Parameter<string> ImageTag = Parameter.Create<string>("Image tag to deploy (default: the commit)");

    public static readonly ServiceContainer Postgres = new ServiceContainer("postgres", "postgres:15-alpine")
        .WithEnvironment("POSTGRES_PASSWORD", "postgres").WithPorts(5432).WithHealthCheck("pg_isready");

    public static readonly ServiceContainer Redis = new ServiceContainer("redis", "redis:7-alpine").WithPorts(6379);

    public static readonly Artifact TestResults = Artifact.Of("test-results", "artifacts/test-results/") with { EvenOnFailure = true, RetentionDays = 14 };

    public static readonly Artifact Sbom = Artifact.Of("sbom", "artifacts/sbom/*.json");

    public static PipelineBuilder Pipeline() => new PipelineBuilder()
        .Add<CodeQuality>().Add<SecurityScan>().Add<UnitTests>().Add<IntegrationTests>().Add<BuildImages>()
        .Add<ContainerScan>().Add<DeployStaging>().Add<StagingTests>().Add<DeployProduction>().Add<HealthCheck>().Add<Rollback>()
        .Parameters(ImageTag);
}

public sealed class CodeQuality : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.Toolchain(Toolchain.Go);
}

public sealed class SecurityScan : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.Toolchain(Toolchain.Go);
}

public sealed class UnitTests : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<CodeQuality>().Toolchain(Toolchain.Go).Produces(Declarations.TestResults);
}

public sealed class IntegrationTests : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<UnitTests>().Toolchain(Toolchain.Go).Service(Declarations.Postgres).Service(Declarations.Redis);
}

public sealed class BuildImages : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<IntegrationTests>().DependsOn<SecurityScan>().Produces(Declarations.Sbom).Reads(Declarations.ImageTag);
}

public sealed class ContainerScan : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<BuildImages>().Consumes(Declarations.Sbom);
}

public sealed class DeployStaging : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<ContainerScan>().Requires(Declarations.KubeConfigStaging).OnlyWhen(Condition.OnPush & Condition.OnBranch("main"));
}

public sealed class StagingTests : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<DeployStaging>();
}

public sealed class DeployProduction : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<StagingTests>().Requires(Declarations.KubeConfigProduction).OnlyWhen(Condition.OnPush & Condition.OnBranch("main"));
}

public sealed class HealthCheck : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<DeployProduction>().Requires(Declarations.KubeConfigProduction);
}

public sealed class Rollback : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<HealthCheck>().Requires(Declarations.KubeConfigProduction).OnlyWhen(Condition.OnFailure & Condition.OnBranch("main"));
}

public sealed class Release : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .OnPush(branches: ["main"])
        .OnPullRequest(branches: ["main"])
        .OnWorkflowDispatch(Declarations.ImageTag)
        .Concurrency()
        .Timeout(TimeSpan.FromMinutes(30))
        .Job<CodeQuality>().Job<SecurityScan>().Job<UnitTests>().Job<IntegrationTests>()
        .Job<BuildImages>(j => j.Permissions(Permission.Contents.Read, Permission.Packages.Write))
        .Job<ContainerScan>()
        .Job<DeployStaging>(j => j.Environment("staging", "https://staging.example.com"))
        .Job<StagingTests>()
        .Job<DeployProduction>(j => j.Environment("production", "https://example.com").Timeout(TimeSpan.FromMinutes(15)))
        .Job<HealthCheck>()
        .Job<Rollback>()
        .Secret(Declarations.KubeConfigProduction, "PROD_KUBECONFIG");
}

public sealed class DailySecurityScan : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .OnSchedule("0 2 * * *")
        .OnWorkflowDispatch()
        .Job<SecurityScan>();
}
