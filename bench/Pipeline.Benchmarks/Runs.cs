using Pipeline.Execution;
using Pipeline.Output;
using Pipeline.Planning;
using Pipeline.Processes;

namespace Pipeline.Benchmarks;

/// <summary>Plans and runs a list of target definitions through the real planner and scheduler, writing nothing.</summary>
internal static class Runs
{
    private static readonly AbsolutePath Root = new(Path.GetTempPath());

    public static async Task<RunReport> PlanAndRunAsync(IReadOnlyList<TargetDefinition> targets, int maxParallel)
    {
        var graph = TargetGraph.Create(targets, defaultTarget: null);
        var plan = Planner.Create(graph, new PlanRequest([.. targets.Select(t => t.Name)], SkipRequest.None));
        var output = new SilentOutput();
        var parameters = new ParameterValues([], new ParameterInputs([], new Dictionary<string, string>(), []), Root);
        var executor = new TargetExecutor(output, parameters, Root, new ProcessRunner(new SecretMasker().Mask, "bench"), TimeProvider.System);
        var report = await new Scheduler(executor, output).RunAsync(plan, maxParallel, CancellationToken.None);
        return report.Succeeded ? report : throw new InvalidOperationException("The benchmark run failed.");
    }

    private sealed class SilentOutput : IRunOutput
    {
        public void RunStarting(Plan plan, int maxParallel)
        {
        }

        public void TargetStarted(string target)
        {
        }

        public void Line(string target, LogLevel level, string text)
        {
        }

        public void Annotation(string target, LogLevel level, SourceLocation location, string text)
        {
        }

        public void TargetFinished(TargetResult result)
        {
        }

        public void RunFinished(RunReport report)
        {
        }
    }
}
