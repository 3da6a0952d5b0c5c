using CliWrap;
using CliWrap.Buffered;

namespace Pipeline.Delivery;

/// <summary>
/// <c>docker login HOST --username USER --password-stdin</c> into a <see cref="DockerConfigDirectory"/>:
/// the password goes through standard input, never the command line, and stays out of every message.
/// </summary>
public sealed class DockerLogin(string docker = "docker")
{
    public async Task LoginAsync(TargetContext context, RegistryAccess registry, DockerConfigDirectory config)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(config);
        if (registry.Credentials is not { } credentials)
        {
            return;
        }

        string[] arguments = ["login", registry.Host, "--username", credentials.Username, "--password-stdin"];
        context.Log.Info($"> {docker} {string.Join(' ', arguments)} (password on standard input)");
        BufferedCommandResult result;
        try
        {
            result = await CliWrap.Cli.Wrap(docker)
                .WithArguments(arguments)
                .WithEnvironmentVariables(e => e.Set(DockerConfigDirectory.Variable, config.Path))
                .WithStandardInputPipe(PipeSource.FromString(credentials.Password))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(context.Cancellation)
                .ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new TargetFailedException($"Could not run '{docker}': {e.Message}. Is Docker installed?", e);
        }

        if (result.ExitCode != 0)
        {
            var reason = credentials.Scrub(string.Join(" ", result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            throw new RegistryLoginException($"docker login to {registry.Host} as {credentials.Username} failed: {reason}");
        }

        context.Log.Info($"Logged in to {registry.Host} as {credentials.Username}");
    }
}
