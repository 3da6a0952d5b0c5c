using Npgsql;
using Pipeline.Components.Services;

namespace Pipeline.Components.Tests.Services;

/// <summary>PostgreSQL through Testcontainers on the real engine: reached via the variables it exposes, and always removed.</summary>
public sealed class TestcontainersHostSpecs
{
    private static readonly ServiceContainer Postgres = new ServiceContainer("postgres", ServiceImages.Postgres)
        .WithEnvironment("POSTGRES_USER", "app")
        .WithEnvironment("POSTGRES_PASSWORD", "app-password")
        .WithEnvironment("POSTGRES_DB", "app")
        .WithPorts(5432)
        .WithHealthCheck("pg_isready -h 127.0.0.1 -U app -d app")
        .Exposes("DATABASE_URL", "Host={host};Port={5432};Username=app;Password=app-password;Database=app");

    [Fact]
    public async Task Postgres_starts_on_a_loopback_port_answers_through_DATABASE_URL_and_is_removed_after_success()
    {
        Requirements.Docker();
        var run = Guid.NewGuid().ToString("N");
        string? url = null;
        object? answer = null;
        IReadOnlyList<string> whileRunning = [];

        var exitCode = await RunAsync(run, async c =>
        {
            whileRunning = Docker.ContainersLabelled(run);
            url = c.Environment["DATABASE_URL"];
            await using var database = NpgsqlDataSource.Create(url);
            await using var command = database.CreateCommand("SELECT current_user || '@' || current_database()");
            answer = await command.ExecuteScalarAsync(c.Cancellation);
        });

        Assert.Equal(0, exitCode);
        Assert.Single(whileRunning);
        Assert.Equal("app@app", answer);
        Assert.StartsWith("Host=127.0.0.1;Port=", url, StringComparison.Ordinal);
        Assert.DoesNotContain("Port=5432;", url, StringComparison.Ordinal); // a random host port, not the container's
        Assert.Empty(Docker.ContainersLabelled(run));
    }

    [Fact]
    public async Task The_container_is_removed_after_the_target_fails_too()
    {
        Requirements.Docker();
        var run = Guid.NewGuid().ToString("N");
        IReadOnlyList<string> whileRunning = [];

        var exitCode = await RunAsync(run, _ =>
        {
            whileRunning = Docker.ContainersLabelled(run);
            throw new InvalidOperationException("the tests failed");
        });

        Assert.Equal(ExitCodes.TargetFailed, exitCode);
        Assert.Single(whileRunning);
        Assert.Empty(Docker.ContainersLabelled(run));
    }

    private static async Task<int> RunAsync(string run, Func<TargetContext, Task> action)
    {
        var root = Directory.CreateTempSubdirectory("pipeline-services-");
        Directory.CreateDirectory(Path.Combine(root.FullName, ".nuke"));
        try
        {
            var output = new StringWriter();
            var environment = new PipelineEnvironment(new AbsolutePath(root.FullName), Docker.LocalVariables(), output, output, 2, UseColor: false);
            var exitCode = await new PipelineBuilder()
                .Add<UsesPostgres>()
                .Provide(new UsesPostgres.Action(action))
                .UseTestcontainers(new Dictionary<string, string> { [Docker.TestLabel] = run })
                .RunAsync(["UsesPostgres"], environment, TestContext.Current.CancellationToken);
            TestContext.Current.TestOutputHelper?.WriteLine(output.ToString());
            return exitCode;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    public sealed class UsesPostgres(UsesPostgres.Action action) : Target
    {
        protected override void Configure(TargetSpec target) => target.Service(Postgres);

        protected override Task RunAsync(TargetContext context) => action.Run(context);

        public sealed record Action(Func<TargetContext, Task> Run);
    }
}
