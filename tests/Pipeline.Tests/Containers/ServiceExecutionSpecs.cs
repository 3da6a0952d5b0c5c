using Pipeline.Tests.Support;

namespace Pipeline.Tests.Containers;

/// <summary>How a local run starts, passes on and stops the service containers a target uses.</summary>
public sealed class ServiceExecutionSpecs
{
    private static readonly Parameter<string> DbPassword = Parameter.Secret("Password of the test database");

    private static readonly ServiceContainer Postgres = new ServiceContainer("postgres", "postgres:16-alpine")
        .WithEnvironment("POSTGRES_USER", "app")
        .WithEnvironment("POSTGRES_PASSWORD", DbPassword)
        .WithPorts(5432)
        .WithHealthCheck("pg_isready -h 127.0.0.1")
        .Exposes("DATABASE_URL", $"Host={ServiceTemplate.Host};Port={ServiceTemplate.Port(5432)};Username=app;Password={DbPassword}")
        .Exposes("PGPORT", "{5432}");

    private static readonly ServiceContainer Redis = new ServiceContainer("redis", "redis:7-alpine")
        .WithPorts(6379)
        .Exposes("REDIS_URL", "redis://{host}:{6379}");

    private static readonly Dictionary<string, string> Password = new() { ["DB_PASSWORD"] = "s3cr3t-pw" };

    [Fact]
    public async Task Services_start_after_the_dependencies_and_stop_after_the_target()
    {
        var log = new List<string>();
        var script = new Script()
            .Target<A>(action: _ => Record(log, "A ran"))
            .Target<B>(t => t.DependsOn<A>().Service(Postgres).Service(Redis), _ => Record(log, "B ran"));
        var host = new FakeServiceHost(log);

        var run = await RunAsync(script, host, ["B"], Password);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["A ran", "start postgres,redis", "B ran", "stop postgres,redis"], log);
    }

    [Fact]
    public async Task Container_variables_include_secrets_read_from_the_run_and_the_container_label_names_the_target()
    {
        var host = new FakeServiceHost([]);
        var script = new Script().Target<A>(t => t.Service(Postgres));

        await RunAsync(script, host, ["A"], Password);

        var started = Assert.Single(host.Started);
        Assert.Equal("s3cr3t-pw", started.Environment["POSTGRES_PASSWORD"]);
        Assert.Equal("app", started.Environment["POSTGRES_USER"]);
        Assert.Equal("A", started.TargetName);
    }

    [Fact]
    public async Task Exposed_variables_reach_the_context_and_every_process_the_target_runs()
    {
        Requirements.Tool("sh");
        IReadOnlyDictionary<string, string>? seen = null;
        var script = new Script().Target<A>(t => t.Service(Postgres).Service(Redis), async c =>
        {
            seen = c.Environment;
            await c.RunAsync(new ToolCommand("sh").AddArguments("-c", "echo \"url=$DATABASE_URL redis=$REDIS_URL port=$PGPORT\""));
            await c.RunAsync(new ToolCommand("sh").AddArguments("-c", "echo \"own=$PGPORT\"").WithEnvironment("PGPORT", "1"));
        });

        var run = await RunAsync(script, new FakeServiceHost([]), ["A"], Password);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Host=127.0.0.1;Port=45432;Username=app;Password=s3cr3t-pw", seen!["DATABASE_URL"]);
        Assert.Contains("url=Host=127.0.0.1;Port=45432;Username=app;Password=*** redis=redis://127.0.0.1:46379 port=45432", run.Output, StringComparison.Ordinal);
        Assert.Contains("own=1", run.Output, StringComparison.Ordinal); // a command's own value wins
        Assert.DoesNotContain("s3cr3t-pw", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_are_stopped_when_the_target_fails()
    {
        var log = new List<string>();
        var script = new Script().Target<A>(t => t.Service(Redis), _ => throw new InvalidOperationException("tests failed"));

        var run = await RunAsync(script, new FakeServiceHost(log), ["A"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Equal(["start redis", "stop redis"], log);
    }

    [Fact]
    public async Task Services_are_stopped_when_the_run_is_canceled()
    {
        var log = new List<string>();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var script = new Script().Target<A>(t => t.Service(Redis), async c =>
        {
            await Record(log, "A waits");
            await cancellation.CancelAsync(); // as Ctrl+C would
            await Task.Delay(Timeout.Infinite, c.Cancellation);
        });

        var run = await RunAsync(script, new FakeServiceHost(log), ["A"], cancellation: cancellation.Token);

        Assert.Equal(ExitCodes.Canceled, run.ExitCode);
        Assert.Equal(["start redis", "A waits", "stop redis"], log);
    }

    [Fact]
    public async Task Each_retry_reuses_the_services_and_each_matrix_cell_gets_its_own()
    {
        var log = new List<string>();
        var attempts = 0;
        var script = new Script()
            .Target<A>(t => t.Service(Redis).Retry(2, TimeSpan.Zero), _ => Interlocked.Increment(ref attempts) == 1 ? throw new InvalidOperationException("flaky") : Task.CompletedTask)
            .Target<B>(t => t.Service(Redis).Matrix(MatrixAxis.Of("shard", "1", "2"), maxParallel: 1));

        var run = await RunAsync(script, new FakeServiceHost(log), ["A", "B", "--max-parallel", "1"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, attempts);
        Assert.Equal(3, log.Count(l => l == "start redis"));
        Assert.Equal(3, log.Count(l => l == "stop redis"));
    }

    [Fact]
    public async Task A_service_that_does_not_start_fails_the_target_without_running_it()
    {
        var script = new Script().Target<A>(t => t.Service(Redis));

        var run = await RunAsync(script, new FakeServiceHost([], new InvalidOperationException("image redis:7-alpine not found")), ["A"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.False(script.Ran("A"));
        Assert.Contains("its service containers did not start: image redis:7-alpine not found", run.SummaryRow("A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_host_a_target_using_services_fails_before_anything_runs_and_says_how_to_register_one()
    {
        var script = new Script().Target<A>().Target<B>(t => t.DependsOn<A>().Service(Redis));

        var run = await script.RunAsync("B");

        Assert.Equal(ExitCodes.Definition, run.ExitCode);
        Assert.False(script.Ran("A"));
        Assert.Contains("B uses the service container 'redis', but no service container host is registered", run.Error, StringComparison.Ordinal);
        Assert.Contains(".UseTestcontainers()", run.Error, StringComparison.Ordinal);
        Assert.Contains(".Provide<IServiceContainerHost>(…)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_GitHub_Actions_the_runner_has_started_them_so_the_declared_ports_are_used_and_no_host_is_needed()
    {
        var host = new FakeServiceHost([]);
        IReadOnlyDictionary<string, string>? seen = null;
        var script = new Script().Target<A>(t => t.Service(Postgres), c =>
        {
            seen = c.Environment;
            return Task.CompletedTask;
        });
        var variables = new Dictionary<string, string>(Password) { ["GITHUB_ACTIONS"] = "true" };

        var run = await RunAsync(script, host, ["A"], variables);
        var withoutHost = await script.RunAsync(["A"], variables);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, withoutHost.ExitCode);
        Assert.Empty(host.Started);
        Assert.Equal("Host=localhost;Port=5432;Username=app;Password=s3cr3t-pw", seen!["DATABASE_URL"]);
    }

    [Fact]
    public async Task A_service_secret_without_a_value_is_a_missing_parameter_before_anything_runs()
    {
        var script = new Script().Target<A>(t => t.Service(Postgres));
        var host = new FakeServiceHost([]);

        var run = await RunAsync(script, host, ["A"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--db-password (or $DB_PASSWORD)", run.Error, StringComparison.Ordinal);
        Assert.Empty(host.Started);
    }

    private static Task Record(List<string> log, string line)
    {
        lock (log)
        {
            log.Add(line);
        }

        return Task.CompletedTask;
    }

    private static async Task<RunOutcome> RunAsync(
        Script script, IServiceContainerHost host, string[] args, IReadOnlyDictionary<string, string>? variables = null, CancellationToken cancellation = default)
    {
        using var root = new TempRoot();
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new PipelineEnvironment(root.Path, variables ?? new Dictionary<string, string>(), output, error, ProcessorCount: 4, UseColor: false);
        var exitCode = await script.Builder().Provide(host).RunAsync(args, environment, cancellation == default ? TestContext.Current.CancellationToken : cancellation);
        return new RunOutcome(exitCode, output.ToString(), error.ToString(), [.. script.Events]);
    }
}
