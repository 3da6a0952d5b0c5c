using Pipeline.GitHubActions;

// A rendering fixture modelled on event-and-ticket-services.md (the seed itself runs as samples/event-and-ticket): Test (with PostgreSQL) ‖ Lint, then Build,
// which pushes two images to GHCR on pushes to main only; least-privilege permissions.
namespace Pipeline.Tests.GitHubActions.Support.TicketServiceFixture;

public static class Declarations
{
    public static readonly Parameter<string> RegistryToken = Parameter.Secret("Token that may push to the container registry");

    public static readonly ServiceContainer Postgres = new ServiceContainer("postgres", "postgres:16-alpine")
        .WithEnvironment("POSTGRES_USER", "postgres")
        .WithEnvironment("POSTGRES_PASSWORD", "postgres")
        .WithEnvironment("POSTGRES_DB", "tickets_test")
        .WithPorts(5432)
        .WithHealthCheck("pg_isready -U postgres");

    public static readonly Artifact Coverage = Artifact.Of("coverage", "artifacts/coverage");

    public static PipelineBuilder Pipeline() => new PipelineBuilder().Add<Download>().Add<Test>().Add<Lint>().Add<Build>();
}

public sealed class Download : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.Toolchain(Toolchain.Go);
}

public sealed class Test : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<Download>()
        .Toolchain(Toolchain.Go)
        .Service(Declarations.Postgres)
        .Produces(Declarations.Coverage);
}

public sealed class Lint : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Download>().Toolchain(Toolchain.Go);
}

public sealed class Build : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<Test>()
        .DependsOn<Lint>()
        .Toolchain(Toolchain.Go)
        .Requires(Declarations.RegistryToken)
        .OnlyWhen(Condition.OnPush & Condition.OnBranch("master"));
}

public sealed class TicketServiceCi : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Ticket service")
        .OnPush(branches: ["master"])
        .OnPullRequest(branches: ["master"])
        .Concurrency()
        .Job<Test>(j => j.Timeout(TimeSpan.FromMinutes(15)))
        .Job<Lint>(j => j.Timeout(TimeSpan.FromMinutes(10)))
        .Job<Build>(j => j.Permissions(Permission.Contents.Read, Permission.Packages.Write).Timeout(TimeSpan.FromMinutes(20)).FetchDepth(0)); // tags: the image version
}
