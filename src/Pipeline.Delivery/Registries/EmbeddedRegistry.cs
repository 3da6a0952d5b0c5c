using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Pipeline.Delivery;

/// <summary>
/// The registry Push uses when none is configured: a local one on 127.0.0.1 at a free port, so a
/// pipeline pushes and deploys by digest on a laptop too. It runs the Debian <c>docker-registry</c>
/// binary when it is on PATH, else the <c>registry:2</c> container; it keeps running after the run
/// (a later DeployStaging pulls from it) and is found again through <c>.nuke/temp/registry/registry.json</c>,
/// written once it answers. Runs at once start one registry: it is looked for and started under a file
/// lock next to that state file (<c>registry.lock</c>).
/// The binary is started with <see cref="TargetContext.StartDetachedAsync"/>: marked as ours, but
/// not killed when the run that started it ends or is cancelled.
/// </summary>
public sealed class EmbeddedRegistry(AbsolutePath root)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The registry executable; null to always use the container.</summary>
    public string? Binary { get; init; } = FindOnPath("docker-registry");

    /// <summary>The image run when there is no binary.</summary>
    public string ContainerImage { get; init; } = "registry:2";

    public string Docker { get; init; } = "docker";

    public AbsolutePath Directory => root / ".nuke" / "temp" / "registry";

    private AbsolutePath StateFile => Directory / "registry.json";

    /// <summary>The running registry, started now if the recorded one does not answer.</summary>
    public async Task<LocalRegistry> EnsureRunningAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var log = context.Log;
        var cancellation = context.Cancellation;
        if (ReadState() is { } known && await ServesAsync(known, cancellation).ConfigureAwait(false))
        {
            log.Info($"Using the local registry at 127.0.0.1:{known.Port} (started earlier, {known.Kind})");
            return known;
        }

        // One registry for this state: a run that finds none starts it under a lock, and one that
        // waited for the lock uses what the holder started.
        System.IO.Directory.CreateDirectory(Directory);
        using var held = await LockAsync(context).ConfigureAwait(false);
        if (ReadState() is { } recorded)
        {
            if (await ServesAsync(recorded, cancellation).ConfigureAwait(false))
            {
                log.Info($"Using the local registry at 127.0.0.1:{recorded.Port} (started by a run beside this one, {recorded.Kind})");
                return recorded;
            }

            // Recorded but not serving (hung, or its port now someone else's): ended if it is ours, then forgotten.
            await StopAsync(context, recorded).ConfigureAwait(false);
            File.Delete(StateFile);
        }

        var port = FreePort();
        var started = Binary is not null
            ? await StartBinaryAsync(context, Binary, port).ConfigureAwait(false)
            : await StartContainerAsync(context, port).ConfigureAwait(false);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await AnswersAsync(port, cancellation).ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                await StopAsync(context, started).ConfigureAwait(false);
                throw new TargetFailedException($"The local registry ({started.Kind}) did not answer on 127.0.0.1:{port} within 30 s; see {Directory / "registry.log"}.");
            }

            await Task.Delay(100, cancellation).ConfigureAwait(false);
        }

        // Recorded only once it serves: the state file names the process that answers, never one that did not start.
        // Written beside and renamed over it, so a run reading it without the lock never sees half a record.
        var written = Directory / $"registry.json.{Environment.ProcessId}.tmp";
        File.WriteAllText(written, JsonSerializer.Serialize(started, Json));
        File.Move(written, StateFile, overwrite: true);
        log.Info($"Started a local registry at 127.0.0.1:{port} ({started.Kind}); it keeps running for later targets (stop: {nameof(EmbeddedRegistry)}.StopAsync)");
        return started;
    }

    /// <summary>The lock file next to the state file, held while a registry is looked for and started.</summary>
    private async Task<FileStream> LockAsync(TargetContext context)
    {
        var path = Directory / "registry.lock";
        var waited = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                if (!waited)
                {
                    context.Log.Info("Another run is starting the local registry; waiting for it");
                    waited = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), context.Clock, context.Cancellation).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Stops the recorded registry, if any, and forgets it. Its stored images stay on disk.</summary>
    public async Task StopAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ReadState() is not { } known)
        {
            return;
        }

        await StopAsync(context, known).ConfigureAwait(false);
        File.Delete(StateFile);
    }

    private async Task StopAsync(TargetContext context, LocalRegistry known)
    {
        var cancellation = context.Cancellation;
        if (known.ProcessId is { } pid && IsOurRegistry(pid))
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                await process.WaitForExitAsync(cancellation).ConfigureAwait(false);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        if (known.ContainerId is { } container)
        {
            // Exit 1: the container is gone already.
            await context.RunAsync(new ToolCommand(Docker).AddArguments("rm", "--force", container).WithQuietOutput().AcceptingExitCodes(1))
                .ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether the recorded registry is the one answering: its port answers and, for the binary, the
    /// recorded process is still our registry — a port that answers for another server does not count
    /// (known on Linux, through /proc; elsewhere the answer alone decides).
    /// </summary>
    private async Task<bool> ServesAsync(LocalRegistry known, CancellationToken cancellation) =>
        (known.ProcessId is not { } pid || !OperatingSystem.IsLinux() || IsOurRegistry(pid)) && await AnswersAsync(known.Port, cancellation).ConfigureAwait(false);

    /// <summary>Whether the recorded process is still the registry serving our config, not a recycled pid.</summary>
    private bool IsOurRegistry(int pid)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            return commandLine.Contains(Directory / "config.yml", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private async Task<LocalRegistry> StartBinaryAsync(TargetContext context, string binary, int port)
    {
        var config = Directory / "config.yml";
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Directory / "data"}
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}
            """);

        // Detached: it must outlive this target and this run, and hold none of their pipes.
        var pid = await context.StartDetachedAsync(new ToolCommand(binary).AddArguments("serve", config).WithStandardOutputTo(Directory / "registry.log"))
            .ConfigureAwait(false);
        return new LocalRegistry(port, "docker-registry", pid, null);
    }

    private async Task<LocalRegistry> StartContainerAsync(TargetContext context, int port)
    {
        var data = Directory / "data";
        System.IO.Directory.CreateDirectory(data);

        // The container is the Docker engine's, not a process of ours: docker run --detach returns once it runs.
        var run = new ToolCommand(Docker)
            .AddArguments("run", "--detach", "--restart", "unless-stopped", "--publish", $"127.0.0.1:{port}:5000",
                "--volume", $"{data}:/var/lib/registry", "--name", $"pipeline-registry-{port}", ContainerImage)
            .WithQuietOutput();
        ProcessResult result;
        try
        {
            result = await context.RunAsync(run).ConfigureAwait(false);
        }
        catch (ProcessFailedException e)
        {
            throw new TargetFailedException(
                $"No docker-registry on PATH, and `docker run {ContainerImage}` failed: {string.Join(" ", e.LastLines).Trim()} " +
                "(install the docker-registry package, or make the image available, or configure a registry).", e);
        }

        return new LocalRegistry(port, ContainerImage, null, string.Join("", result.StandardOutput).Trim());
    }

    private LocalRegistry? ReadState()
    {
        try
        {
            return File.Exists(StateFile) ? JsonSerializer.Deserialize<LocalRegistry>(File.ReadAllText(StateFile), Json) : null;
        }
        catch (JsonException)
        {
            return null; // a damaged record: start afresh
        }
    }

    private static async Task<bool> AnswersAsync(int port, CancellationToken cancellation)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/v2/"), cancellation).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, executable))
            .FirstOrDefault(File.Exists);
}

/// <summary>A local registry this machine runs: its port and what runs it (a process or a container).</summary>
public sealed record LocalRegistry(int Port, string Kind, int? ProcessId, string? ContainerId)
{
    public string Host => $"127.0.0.1:{Port}";
}
