using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;

// rust-workspace-12-services.md: a fmt/clippy gate, tests as a matrix of 12 services (6 at a
// time, no fail-fast), a warning-only security audit, push-only image builds, a staging deploy,
// a quality report and a notification that always run.
namespace Pipeline.Tests.GitHubActions.Seeds.RustWorkspace;

public static class Declarations
{
    public static readonly MatrixAxis Services = MatrixAxis.Of(
        "service", "auth", "user", "messaging", "content", "feed", "search", "media", "notification", "streaming", "video", "cdn", "events");

    public static readonly Parameter<string> AwsAccessKeyId = Parameter.Secret("AWS access key id");

    public static readonly Parameter<string> AwsSecretAccessKey = Parameter.Secret("AWS secret access key");

    public static PipelineBuilder Pipeline() => new PipelineBuilder()
        .Add<FormatAndLint>().Add<TestServices>().Add<SecurityAudit>().Add<BuildRelease>().Add<BuildAndPush>()
        .Add<DeployStaging>().Add<QualityReport>().Add<Notify>();
}

public sealed class FormatAndLint : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.Toolchain(Toolchain.Cargo);
}

public sealed class TestServices : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<FormatAndLint>().Toolchain(Toolchain.Cargo).Matrix(Declarations.Services, maxParallel: 6, failFast: false)
        .Produces(Artifact.Of("test-report", "target/reports/*.xml"));
}

public sealed class SecurityAudit : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<FormatAndLint>().Toolchain(Toolchain.Cargo).WarningOnly();
}

public sealed class BuildRelease : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<TestServices>().DependsOn<SecurityAudit>().Toolchain(Toolchain.Cargo);
}

public sealed class BuildAndPush : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<BuildRelease>().OnlyWhen(Condition.OnPush)
        .Requires(Declarations.AwsAccessKeyId).Requires(Declarations.AwsSecretAccessKey);
}

public sealed class DeployStaging : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<BuildAndPush>().OnlyWhen(Condition.OnPush & Condition.OnBranch("main"))
        .Requires(Declarations.AwsAccessKeyId).Requires(Declarations.AwsSecretAccessKey);
}

public sealed class QualityReport : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<TestServices>().DependsOn<SecurityAudit>().Consumes(Artifact.Of("test-report", "target/reports/*.xml")).AssuredAfterFailure();
}

public sealed class Notify : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<DeployStaging>().DependsOn<QualityReport>().OnlyWhen(Condition.Always);
}

public sealed class RustCi : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .OnPush(branches: ["main", "feature/**"])
        .OnPullRequest(branches: ["main"], paths: ["services/**", "Cargo.lock"])
        .Concurrency()
        .RunsOn("self-hosted", "linux", "x64")
        .Job<FormatAndLint>(j => j.RunsOn("ubuntu-latest"))
        .Job<TestServices>().Job<SecurityAudit>().Job<BuildRelease>()
        .Job<BuildAndPush>().Job<DeployStaging>(j => j.Environment("staging"))
        .Job<QualityReport>().Job<Notify>();
}
