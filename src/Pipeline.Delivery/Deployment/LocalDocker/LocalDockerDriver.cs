using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Delivery;

/// <summary>
/// Deploys by running the image as a container on this machine's Docker engine: the previous
/// container of the same name is stopped and removed, the new one published on 127.0.0.1. The
/// default driver: it needs nothing but Docker, so a pipeline deploys "staging" on a laptop too.
/// A container is left alone only when it runs exactly what would be run (image id, ports, run
/// arguments and command, recorded as a hash in <see cref="SpecificationLabel"/>); a new one is
/// watched for <see cref="LocalDockerSettings.SettleTime"/> and fails the deploy if it exits.
/// </summary>
internal sealed class LocalDockerDriver(LocalDockerSettings settings) : IDeploymentDriver
{
    /// <summary>Labels on every container this driver starts, so people (and cleanup) can find them.</summary>
    public const string ApplicationLabel = "pipeline.application";
    public const string EnvironmentLabel = "pipeline.environment";
    public const string ImageLabel = "pipeline.image";

    /// <summary>A hash of everything the container was run with: a different one means it must be replaced.</summary>
    public const string SpecificationLabel = "pipeline.specification";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private readonly ToolCommand _docker = new("docker");

    public string Name => "local docker";

    public async Task<DeploymentResult> DeployAsync(Deployment request, TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var name = settings.ContainerName ?? $"{request.Application}-{request.Environment}";
        var imageId = await ImageIdAsync(context, request.Image).ConfigureAwait(false);
        var specification = Specification(imageId);

        var existing = await OutputAsync(context, "ps", "--all", "--filter", $"name=^/{name}$", "--format", "{{.ID}}").ConfigureAwait(false);
        if (existing.Length > 0)
        {
            var state = await OutputAsync(
                context, "inspect", "--format", $"{{{{.Image}}}} {{{{.State.Status}}}} {{{{index .Config.Labels \"{SpecificationLabel}\"}}}}", name).ConfigureAwait(false);
            if (state == $"{imageId} running {specification}")
            {
                var url = await UrlAsync(context, name).ConfigureAwait(false);
                return new DeploymentResult(DeploymentOutcome.Unchanged, url, $"unchanged: {name} already runs {request.Image}") { Container = name };
            }

            context.Log.Info($"Replacing container {name} ({state})");
            await context.RunAsync(_docker.AddArguments("stop", name)).ConfigureAwait(false);
            await context.RunAsync(_docker.AddArguments("rm", name)).ConfigureAwait(false);
        }

        var answersAt = await StartAsync(context, request, name, specification).ConfigureAwait(false);
        return new DeploymentResult(DeploymentOutcome.Updated, answersAt, $"container {name} runs {request.Image} at {answersAt}") { Container = name };
    }

    /// <summary>Runs <paramref name="name"/> from the request's image, waits until it runs and settles, and says where it answers.</summary>
    internal async Task<Uri> StartAsync(TargetContext context, Deployment request, string name, string specification, params string[] extraLabels)
    {
        var hostPort = settings.HostPort?.ToString(CultureInfo.InvariantCulture) ?? "";
        await context.RunAsync(_docker.AddArguments(
            [
                "run", "--detach", "--name", name,
                "--publish", $"127.0.0.1:{hostPort}:{settings.ContainerPort}",
                "--label", $"{ApplicationLabel}={request.Application}",
                "--label", $"{EnvironmentLabel}={request.Environment}",
                "--label", $"{ImageLabel}={request.Image}",
                "--label", $"{SpecificationLabel}={specification}",
                .. extraLabels.SelectMany(label => new[] { "--label", label }),
                .. settings.RunArguments,
                request.Image.ToString(),
                .. settings.Command,
            ])).ConfigureAwait(false);
        await WaitUntilRunningAsync(context, name).ConfigureAwait(false);
        await WatchWhileSettlingAsync(context, name).ConfigureAwait(false);
        return await UrlAsync(context, name).ConfigureAwait(false);
    }

    /// <summary>The image's id, pulling it first when this engine does not have it (it was pushed from elsewhere).</summary>
    internal async Task<string> ImageIdAsync(TargetContext context, ImageReference image)
    {
        try
        {
            return await OutputAsync(context, "image", "inspect", "--format", "{{.Id}}", image.ToString()).ConfigureAwait(false);
        }
        catch (ProcessFailedException)
        {
            context.Log.Info($"{image} is not on this Docker engine; pulling it");
            await context.RunAsync(_docker.AddArguments("pull", image.ToString())).ConfigureAwait(false);
            return await OutputAsync(context, "image", "inspect", "--format", "{{.Id}}", image.ToString()).ConfigureAwait(false);
        }
    }

    /// <summary>The hash recorded on the container: image id, ports, run arguments and command, each length-prefixed so no two lists hash alike.</summary>
    internal string Specification(string imageId)
    {
        List<string> parts =
        [
            imageId,
            settings.ContainerPort.ToString(CultureInfo.InvariantCulture),
            settings.HostPort?.ToString(CultureInfo.InvariantCulture) ?? "",
            "run", .. settings.RunArguments,
            "command", .. settings.Command,
        ];
        var text = string.Concat(parts.Select(p => $"{p.Length.ToString(CultureInfo.InvariantCulture)}:{p};"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>Running is not enough: a container that exits within the settle time (a crash at startup) fails the deploy.</summary>
    private async Task WatchWhileSettlingAsync(TargetContext context, string name)
    {
        var started = context.Clock.GetTimestamp();
        while (context.Clock.GetElapsedTime(started) < settings.SettleTime)
        {
            await Task.Delay(PollInterval, context.Clock, context.Cancellation).ConfigureAwait(false);
            var status = await OutputAsync(context, "inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", name).ConfigureAwait(false);
            if (!status.StartsWith("running ", StringComparison.Ordinal))
            {
                var logs = await ContainerLogs.TailAsync(context, name, lines: 30).ConfigureAwait(false);
                var parts = status.Split(' ');
                var what = parts[0] == "exited" ? $"exited with code {parts[^1]}" : $"is {parts[0]}";
                throw new DeploymentFailedException(
                    $"Container {name} {what} within {settings.SettleTime.TotalSeconds:0.#} s of starting" + (logs.Length == 0 ? "." : ":\n" + logs));
            }
        }
    }

    private async Task WaitUntilRunningAsync(TargetContext context, string name)
    {
        var started = context.Clock.GetTimestamp();
        while (true)
        {
            var status = await OutputAsync(context, "inspect", "--format", "{{.State.Status}}", name).ConfigureAwait(false);
            if (status == "running")
            {
                return;
            }

            if (status is "exited" or "dead" || context.Clock.GetElapsedTime(started) > settings.StartTimeout)
            {
                var logs = await ContainerLogs.TailAsync(context, name, lines: 30).ConfigureAwait(false);
                throw new DeploymentFailedException($"Container {name} is {status}, not running" + (logs.Length == 0 ? "." : ":\n" + logs));
            }

            await Task.Delay(PollInterval, context.Clock, context.Cancellation).ConfigureAwait(false);
        }
    }

    internal async Task<Uri> UrlAsync(TargetContext context, string name) =>
        new($"http://127.0.0.1:{await HostPortAsync(context, name).ConfigureAwait(false)}");

    /// <summary>The 127.0.0.1 port Docker published the container port on (<c>docker port</c> prints <c>127.0.0.1:49153</c>).</summary>
    private async Task<int> HostPortAsync(TargetContext context, string name)
    {
        var binding = await OutputAsync(context, "port", name, $"{settings.ContainerPort}/tcp").ConfigureAwait(false);
        var first = binding.Split('\n')[0];
        return int.Parse(first[(first.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
    }

    internal async Task<string> OutputAsync(TargetContext context, params string[] arguments)
    {
        var result = await context.RunAsync(_docker.AddArguments(arguments)).ConfigureAwait(false);
        return string.Join('\n', result.Output).Trim();
    }
}
