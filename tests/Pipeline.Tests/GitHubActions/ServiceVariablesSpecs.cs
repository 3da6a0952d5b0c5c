using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>A service's variables reach CI with the values a local run computes, and its secrets only as references.</summary>
public sealed class ServiceVariablesSpecs
{
    [Fact]
    public void The_build_step_gets_the_exposed_variables_with_the_published_ports_and_secrets_as_references()
    {
        var workflow = Workflows.Plan<ServiceCi>(Pipeline());

        var test = workflow["test"];
        Assert.Contains(new KeyValuePair<string, string>("DATABASE_URL", "Host=localhost;Port=5432;Username=app;Password=${{ secrets.DATABASE_PASSWORD }}"), test.BuildStep.Env);
        Assert.Contains(new KeyValuePair<string, string>("REDIS_URL", "redis://localhost:6379"), test.BuildStep.Env);
        Assert.Equal(["DATABASE_PASSWORD"], test.Secrets);
        var postgres = test.Services.Single(s => s.Name == "postgres");
        Assert.Equal("${{ secrets.DATABASE_PASSWORD }}", postgres.Environment["POSTGRES_PASSWORD"]);
        Assert.Empty(workflow["lint"].BuildStep.Env);
    }

    [Fact]
    public async Task The_rendered_workflow_has_the_variables_in_the_step_env_no_secret_value_and_lints_clean()
    {
        var file = Workflows.Render<ServiceCi>(Pipeline());

        Assert.Contains("      DATABASE_URL: Host=localhost;Port=5432;Username=app;Password=${{ secrets.DATABASE_PASSWORD }}\n", file.Content, StringComparison.Ordinal);
        Assert.Contains("          POSTGRES_PASSWORD: ${{ secrets.DATABASE_PASSWORD }}\n", file.Content, StringComparison.Ordinal);
        Assert.Contains("- '5432:5432'", file.Content, StringComparison.Ordinal);
        await WorkflowLint.AssertCleanAsync(file.Content, "services.yml");
    }

    [Fact]
    public void A_variable_a_parameter_also_sets_is_a_generation_problem()
    {
        var clash = new ServiceContainer("cache", "redis:7-alpine").WithPorts(6379).Exposes("DATABASE_PASSWORD", "x");
        var pipeline = new PipelineBuilder().Add<Test>().Add<Clash>().Provide(clash);

        var error = Assert.ThrowsAny<Exception>(() => Workflows.Plan<ClashCi>(pipeline));

        Assert.Contains("would set DATABASE_PASSWORD twice", error.Message, StringComparison.Ordinal);
    }

    private static PipelineBuilder Pipeline() => new PipelineBuilder().Add<Test>().Add<Lint>();

    public static class Declarations
    {
        public static readonly Parameter<string> DatabasePassword = Parameter.Secret("Password of the test database");

        public static readonly ServiceContainer Postgres = new ServiceContainer("postgres", "postgres:16-alpine")
            .WithEnvironment("POSTGRES_USER", "app")
            .WithEnvironment("POSTGRES_PASSWORD", DatabasePassword)
            .WithPorts(5432)
            .WithHealthCheck("pg_isready -h 127.0.0.1 -U app")
            .Exposes("DATABASE_URL", $"Host={ServiceTemplate.Host};Port={ServiceTemplate.Port(5432)};Username=app;Password={DatabasePassword}");

        public static readonly ServiceContainer Redis = new ServiceContainer("redis", "redis:7-alpine")
            .WithPorts(6379)
            .Exposes("REDIS_URL", "redis://{host}:{6379}");
    }

    public sealed class Test : SeedTarget
    {
        protected override void Configure(TargetSpec target) => target.Service(Declarations.Postgres).Service(Declarations.Redis);
    }

    public sealed class Lint : SeedTarget;

    public sealed class Clash(ServiceContainer clash) : SeedTarget
    {
        protected override void Configure(TargetSpec target) => target.Service(Declarations.Postgres).Service(clash);
    }

    public sealed class ServiceCi : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow.Name("Services").OnPush(branches: ["main"]).Job<Test>().Job<Lint>();
    }

    public sealed class ClashCi : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow.Name("Clash").OnPush().Job<Clash>();
    }
}
