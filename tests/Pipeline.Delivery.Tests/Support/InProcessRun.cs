namespace Pipeline.Delivery.Tests.Support;

/// <summary>Runs a pipeline in this process with its own temp root and captured output.</summary>
public static class InProcessRun
{
    public sealed record Outcome(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}";
    }

    public static async Task<Outcome> RunAsync(PipelineBuilder builder, AbsolutePath root, IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        Directory.CreateDirectory(root / ".nuke");
        var output = new StringWriter();
        var environment = new PipelineEnvironment(root, variables ?? new Dictionary<string, string>(), output, output, ProcessorCount: 2, UseColor: false);
        var exitCode = await builder.RunAsync(args, environment, TestContext.Current.CancellationToken);
        return new Outcome(exitCode, output.ToString());
    }

    public static AbsolutePath FreshRoot()
    {
        var path = new AbsolutePath(Path.Combine(Path.GetTempPath(), "pipeline-delivery-tests", Guid.NewGuid().ToString("N")[..10]));
        Directory.CreateDirectory(path);
        return path;
    }
}
