namespace Pipeline.Probes;

/// <summary>Prints the secret through every path a target's code has: the log, the console, a process, an annotation.</summary>
public sealed class PrintSecret : Target
{
    protected override void Configure(TargetSpec target) => target.Requires(ProbeParameters.ApiKey);

    protected override async Task RunAsync(TargetContext context)
    {
        var secret = context.Get(ProbeParameters.ApiKey);
        context.Log.Info("log: " + secret);
        context.Log.Warning("warning: " + secret);
        context.Log.Annotate(LogLevel.Error, new SourceLocation("Program.cs", 1, 1), "annotation: " + secret);
        Console.WriteLine("stdout: " + secret);
        await Console.Error.WriteLineAsync("stderr: " + secret);
        await context.RunAsync(new ToolCommand("sh") { Arguments = ["-c", "printf 'process: %s\\n' \"$PROBE_VALUE\"; printf 'process-err: %s\\n' \"$PROBE_VALUE\" >&2"] }
            .WithEnvironment("PROBE_VALUE", secret));
        context.StepSummary.Append(["summary: " + secret]);
    }
}

/// <summary>Fails with the secret in the exception's message and in a failing command's output.</summary>
public sealed class FailWithSecret : Target
{
    protected override void Configure(TargetSpec target) => target.Requires(ProbeParameters.ApiKey);

    protected override async Task RunAsync(TargetContext context)
    {
        var secret = context.Get(ProbeParameters.ApiKey);
        if (context.Get(ProbeParameters.Mode) == ProbeMode.Thorough)
        {
            await context.RunAsync("sh", "-c", $"echo 'failing with {secret}'; exit 3");
        }

        throw new TargetFailedException("failing with " + secret);
    }
}
