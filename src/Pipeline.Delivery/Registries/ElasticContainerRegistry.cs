namespace Pipeline.Delivery;

/// <summary>
/// Amazon ECR, <c>ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME</c>. The password comes from
/// <c>aws ecr get-login-password --region REGION</c> (the AWS CLI with whatever credentials it finds),
/// read from its output and never logged; the user is <c>AWS</c>.
/// </summary>
public sealed record ElasticContainerRegistry(string AccountId, string Region) : ContainerRegistry
{
    public const string User = "AWS";

    /// <summary>The registry host; derived from account and region.</summary>
    public string Host { get; init; } = $"{AccountId}.dkr.ecr.{Region}.amazonaws.com";

    /// <summary>The AWS CLI to run.</summary>
    public string AwsCli { get; init; } = "aws";

    public override async Task<RegistryAccess> ResolveAsync(RegistryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string[] arguments = ["ecr", "get-login-password", "--region", Region];

        // The password is what the CLI prints: secret output, in the result only, never in the log or an error.
        var getPassword = new ToolCommand(AwsCli)
            .AddArguments(arguments)
            .WithSecretOutput()
            .WithQuietOutput()
            .WithDisplayText($"{AwsCli} {string.Join(' ', arguments)} (output kept out of the log)");
        ProcessResult result;
        try
        {
            result = await context.Target.RunAsync(getPassword).ConfigureAwait(false);
        }
        catch (ProcessFailedException e)
        {
            throw new RegistryLoginException($"aws ecr get-login-password --region {Region} failed (exit {e.ExitCode}): {FirstLines(e.LastLines)}", e);
        }

        var password = string.Join("", result.StandardOutput).Trim();
        if (password.Length == 0)
        {
            throw new RegistryLoginException(
                $"aws ecr get-login-password --region {Region} failed (exit {result.ExitCode}): {FirstLines(result.StandardError)}");
        }

        return new RegistryAccess(Host, null, new RegistryCredentials(User, password));
    }

    private static string FirstLines(IEnumerable<string> lines) =>
        string.Join(" ", lines.Select(line => line.Trim()).Where(line => line.Length > 0).Take(3));
}
