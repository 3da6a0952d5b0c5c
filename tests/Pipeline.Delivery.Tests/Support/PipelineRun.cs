namespace Pipeline.Delivery.Tests.Support;

/// <summary>How an in-process pipeline run ended: its exit code and everything it wrote.</summary>
public sealed record PipelineRun(int ExitCode, string Output)
{
    public static Task<PipelineRun> RunAsync(PipelineBuilder builder, AbsolutePath root, IReadOnlyDictionary<string, string> variables, params string[] args) =>
        RunAsync(builder, root, variables, TimeProvider.System, TestContext.Current.CancellationToken, args);

    /// <summary>A run on <paramref name="clock"/>: the time its targets read and wait on.</summary>
    public static Task<PipelineRun> RunAsync(
        PipelineBuilder builder, AbsolutePath root, IReadOnlyDictionary<string, string> variables, TimeProvider clock, params string[] args) =>
        RunAsync(builder, root, variables, clock, TestContext.Current.CancellationToken, args);

    /// <summary>A run the test cancels itself (what Ctrl+C does).</summary>
    public static Task<PipelineRun> RunAsync(
        PipelineBuilder builder, AbsolutePath root, IReadOnlyDictionary<string, string> variables, CancellationToken cancellation, params string[] args) =>
        RunAsync(builder, root, variables, TimeProvider.System, cancellation, args);

    private static async Task<PipelineRun> RunAsync(
        PipelineBuilder builder, AbsolutePath root, IReadOnlyDictionary<string, string> variables, TimeProvider clock, CancellationToken cancellation, params string[] args)
    {
        var output = new StringWriter();
        var environment = new PipelineEnvironment(root, variables, output, output, 2, false) { Clock = clock };
        var exitCode = await builder.RunAsync(args, environment, cancellation);
        return new PipelineRun(exitCode, output.ToString());
    }

    public static Task<PipelineRun> RunAsync(PipelineBuilder builder, AbsolutePath root, params string[] args) =>
        RunAsync(builder, root, new Dictionary<string, string>(), args);

    public PipelineRun Succeeded()
    {
        Assert.True(ExitCode == 0, $"The pipeline exited {ExitCode}:\n{Output}");
        return this;
    }
}
