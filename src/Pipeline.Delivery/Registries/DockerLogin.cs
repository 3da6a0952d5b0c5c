namespace Pipeline.Delivery;

/// <summary>
/// <c>docker login HOST --username USER --password-stdin</c> into a <see cref="DockerConfigDirectory"/>:
/// the password goes through standard input, never the command line, and stays out of every message
/// (the command carries it as its own secret, so the engine masks it in whatever docker prints).
/// </summary>
internal sealed class DockerLogin(string docker = "docker")
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
        var login = new ToolCommand(docker)
            .AddArguments(arguments)
            .WithEnvironment(DockerConfigDirectory.Variable, config.Path)
            .WithStandardInput(credentials.Password)
            .WithSecret(credentials.Password)
            .WithDisplayText($"{docker} {string.Join(' ', arguments)} (password on standard input)")
            .WithQuietOutput();
        try
        {
            await context.RunAsync(login).ConfigureAwait(false);
        }
        catch (ProcessFailedException e)
        {
            var reason = string.Join(" ", e.LastLines.Select(line => line.Trim()).Where(line => line.Length > 0));
            throw new RegistryLoginException($"docker login to {registry.Host} as {credentials.Username} failed: {reason}", e);
        }

        context.Log.Info($"Logged in to {registry.Host} as {credentials.Username}");
    }
}
