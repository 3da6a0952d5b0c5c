namespace Pipeline.Delivery.Tests.Support;

/// <summary>
/// Runs one piece of code as a pipeline target, in-process, so tests get a real
/// <see cref="TargetContext"/> (log with secret masking, process runner) and the run's output.
/// </summary>
public sealed class TargetHarness
{
    private Func<TargetContext, Task> _body = _ => Task.CompletedTask;

    public static async Task<HarnessRun> RunAsync(
        Func<TargetContext, Task> body,
        IReadOnlyDictionary<string, string>? variables = null,
        params IParameter[] parameters)
    {
        var harness = new TargetHarness { _body = body };
        using var root = new TempRoot();
        var output = new StringWriter();
        var environment = new PipelineEnvironment(root.Path, variables ?? new Dictionary<string, string>(), output, output, ProcessorCount: 2, UseColor: false);
        var builder = new PipelineBuilder().Provide(harness).Add<HarnessTarget>().Parameters(parameters);
        var exitCode = await builder.RunAsync([nameof(HarnessTarget)], environment, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(output.ToString()); // shown with the test when it fails
        return new HarnessRun(exitCode, output.ToString());
    }

    /// <summary>Runs a pipeline made by the test (its own targets) and returns its output.</summary>
    public static async Task<HarnessRun> RunPipelineAsync(PipelineBuilder builder, string target, IReadOnlyDictionary<string, string> variables)
    {
        using var root = new TempRoot();
        var output = new StringWriter();
        var environment = new PipelineEnvironment(root.Path, variables, output, output, ProcessorCount: 2, UseColor: false);
        var exitCode = await builder.RunAsync([target], environment, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(output.ToString()); // shown with the test when it fails
        return new HarnessRun(exitCode, output.ToString());
    }

    internal Task Run(TargetContext context) => _body(context);
}

/// <summary>The one target a <see cref="TargetHarness"/> runs.</summary>
public sealed class HarnessTarget(TargetHarness harness) : Target
{
    protected override Task RunAsync(TargetContext context) => harness.Run(context);
}

public sealed record HarnessRun(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>
    /// The output as people see it: without the <c>::add-mask::</c> commands the engine sends to the
    /// GitHub Actions runner, which the runner consumes instead of showing (that is how it learns to mask).
    /// </summary>
    public string ShownOutput => string.Join('\n', Output.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal)));
}
