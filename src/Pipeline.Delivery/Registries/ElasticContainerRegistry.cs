using CliWrap;
using CliWrap.Buffered;

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
        var target = context.Target;
        target.Log.Info($"> {AwsCli} ecr get-login-password --region {Region} (output kept out of the log)");
        BufferedCommandResult result;
        try
        {
            // Not through TargetContext.RunAsync: that streams stdout, the password, into the log.
            result = await CliWrap.Cli.Wrap(AwsCli)
                .WithArguments(["ecr", "get-login-password", "--region", Region])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(target.Cancellation)
                .ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new TargetFailedException($"Could not run '{AwsCli}' for the ECR login: {e.Message}. Is the AWS CLI installed?", e);
        }

        var password = result.StandardOutput.Trim();
        if (result.ExitCode != 0 || password.Length == 0)
        {
            throw new RegistryLoginException(
                $"aws ecr get-login-password --region {Region} failed (exit {result.ExitCode}): {FirstLines(result.StandardError)}");
        }

        return new RegistryAccess(Host, null, new RegistryCredentials(User, password));
    }

    private static string FirstLines(string text) =>
        string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3));
}
