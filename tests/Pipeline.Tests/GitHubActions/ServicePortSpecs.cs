using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>A service port published on a host port the runner picks, read through job.services; two services on one host port are refused.</summary>
public sealed class ServicePortSpecs
{
    [Fact]
    public async Task A_runner_picked_host_port_is_written_as_the_container_port_and_read_through_job_services()
    {
        var file = Workflows.Render<TwoDatabases>(Pipeline());
        var yaml = RenderedYaml.Parse(file.Content);

        Assert.Equal(["5432:5432"], yaml.At("jobs", "test", "services", "primary", "ports").Items());
        Assert.Equal(["5432"], yaml.At("jobs", "test", "services", "replica", "ports").Items());
        var env = Workflows.Plan<TwoDatabases>(Pipeline())["test"].BuildStep.Env;
        Assert.Contains(new KeyValuePair<string, string>("PRIMARY_URL", "Host=localhost;Port=5432"), env);
        Assert.Contains(new KeyValuePair<string, string>("REPLICA_URL", "Host=localhost;Port=${{ job.services.replica.ports['5432'] }}"), env);
        await WorkflowLint.AssertCleanAsync(file.Content, "service-ports.yml");
    }

    [Fact]
    public void Two_services_on_one_host_port_in_one_job_fail_generation()
    {
        var error = Assert.Throws<DefinitionException>(() => Workflows.Plan<Clash>(Pipeline()));

        Assert.Contains("the job Test: the service containers 'primary' and 'replica' would all publish host port 5432", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_for_a_service_no_target_of_the_job_uses_fail_generation()
    {
        var error = Assert.Throws<DefinitionException>(() => Workflows.Plan<Stray>(Pipeline()));

        Assert.Contains("has settings for the service container 'cache', which none of its targets uses", error.Message, StringComparison.Ordinal);
    }

    private static PipelineBuilder Pipeline() => new PipelineBuilder().Add<Test>();

    public static class Services
    {
        public static readonly ServiceContainer Primary = new ServiceContainer("primary", "postgres:16-alpine")
            .WithEnvironment("POSTGRES_PASSWORD", "app").WithPorts(5432).Exposes("PRIMARY_URL", "Host={host};Port={5432}");

        public static readonly ServiceContainer Replica = new ServiceContainer("replica", "postgres:16-alpine")
            .WithEnvironment("POSTGRES_PASSWORD", "app").WithPorts(5432).Exposes("REPLICA_URL", "Host={host};Port={5432}");

        public static readonly ServiceContainer Cache = new("cache", "redis:7-alpine");
    }

    public sealed class Test : SeedTarget
    {
        protected override void Configure(TargetSpec target) => target.Service(Services.Primary).Service(Services.Replica);
    }

    public sealed class TwoDatabases : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow.OnPush().Job<Test>(j => j.Service(Services.Replica, s => s.RunnerPicksHostPorts()));
    }

    public sealed class Clash : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow.OnPush().Job<Test>();
    }

    public sealed class Stray : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow.OnPush().Job<Test>(j => j.Service(Services.Cache, s => s.RunnerPicksHostPorts()));
    }
}
