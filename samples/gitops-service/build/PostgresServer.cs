using System.Security.Cryptography;
using Pipeline;
using Pipeline.Components.Services;

namespace GitOpsService.Build;

/// <summary>
/// The PostgreSQL server the set-up talks to with <c>psql</c>: the one a superuser URL names (CI: a secret),
/// or locally a container of this machine that is started when missing and kept for the next run — as the
/// seed reaches its cluster's server with <c>kubectl exec postgresql-0 -- psql</c>.
/// </summary>
public sealed class PostgresServer
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ToolCommand _psql;

    private PostgresServer(ToolCommand psql, string description) => (_psql, Description) = (psql, description);

    /// <summary>What the log calls it: the container's name or "the server DatabaseAdminUrl names".</summary>
    public string Description { get; }

    /// <summary>The server for this run, started and answering.</summary>
    public static async Task<PostgresServer> ConnectAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Parameters.TryGet(GitOpsParameters.DatabaseAdminUrl, out var url) && !string.IsNullOrWhiteSpace(url))
        {
            var remote = new ToolCommand("psql").AddArguments(url).WithSecret(url);
            return new PostgresServer(Quiet(remote), "the server DatabaseAdminUrl names");
        }

        var container = context.Get(GitOpsParameters.DatabaseContainer);
        await EnsureContainerAsync(context, container).ConfigureAwait(false);
        var local = new ToolCommand("docker").AddArguments("exec", "-i", container, "psql", "--username", "postgres", "--dbname", "postgres");
        var server = new PostgresServer(Quiet(local), $"container {container}");
        await server.WaitAsync(context).ConfigureAwait(false);
        return server;
    }

    /// <summary>Whether <paramref name="query"/> returns a row.</summary>
    public async Task<bool> AnyRowAsync(TargetContext context, string query)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.RunAsync(_psql.WithStandardInput(query)).ConfigureAwait(false);
        return result.StandardOutput.Any(line => line.Trim().Length > 0);
    }

    /// <summary>Runs <paramref name="sql"/>; <c>:'name'</c> in it reads a variable, passed masked.</summary>
    public Task ExecuteAsync(TargetContext context, string sql, IReadOnlyDictionary<string, string>? secretVariables = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = _psql.WithStandardInput(sql);
        foreach (var (name, value) in secretVariables ?? new Dictionary<string, string>())
        {
            command = command.AddArguments("--set", $"{name}={value}").WithSecret(value);
        }

        return context.RunAsync(command);
    }

    // Tuples only, no headers, stop at the first error, no ~/.psqlrc.
    private static ToolCommand Quiet(ToolCommand psql) => psql.AddArguments("--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "--set", "ON_ERROR_STOP=1");

    private static async Task EnsureContainerAsync(TargetContext context, string container)
    {
        var state = await context.RunAsync(new ToolCommand("docker").AddArguments("container", "inspect", "--format", "{{.State.Running}}", container)
            .AcceptingExitCodes(0, 1).WithQuietOutput()).ConfigureAwait(false);
        if (state.ExitCode == 0 && state.StandardOutput.Any(l => l.Trim() == "true"))
        {
            context.Log.Info($"PostgreSQL container {container}: already there");
            return;
        }

        if (state.ExitCode == 0)
        {
            await context.RunAsync(new ToolCommand("docker").AddArguments("start", container)).ConfigureAwait(false);
            context.Log.Info($"PostgreSQL container {container}: already there, started again");
            return;
        }

        // Reached through `docker exec` only: no port is published, and the superuser password is never needed.
        var image = ServiceImages.Local(ServiceImages.Postgres, context.Variables);
        var password = RandomNumberGenerator.GetHexString(32, lowercase: true);
        await context.RunAsync(new ToolCommand("docker").AddArguments(
            "run", "--detach", "--name", container, "--env", "POSTGRES_PASSWORD=" + password, image).WithSecret(password)).ConfigureAwait(false);
        context.Log.Info($"PostgreSQL container {container}: created from {image}");
    }

    private async Task WaitAsync(TargetContext context)
    {
        var deadline = context.Clock.GetUtcNow() + StartTimeout;
        while (true)
        {
            var probe = await context.RunAsync(_psql.WithStandardInput("SELECT 1").AcceptingExitCodes(0, 1, 2).WithQuietOutput().WithoutEcho()).ConfigureAwait(false);
            if (probe.ExitCode == 0)
            {
                return;
            }

            if (context.Clock.GetUtcNow() > deadline)
            {
                throw new TargetFailedException($"PostgreSQL in {Description} did not answer within {StartTimeout.TotalSeconds:0} s: {string.Join(" ", probe.Output.TakeLast(2))}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), context.Clock, context.Cancellation).ConfigureAwait(false);
        }
    }
}
