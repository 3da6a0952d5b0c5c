using BenchmarkDotNet.Attributes;

namespace Pipeline.Benchmarks;

/// <summary>What the engine itself costs: validate, plan and run 1,000 targets that do nothing.</summary>
[MemoryDiagnoser]
public class SchedulerOverhead
{
    private List<TargetDefinition> _independent = [];
    private List<TargetDefinition> _layered = [];

    [GlobalSetup]
    public void Setup()
    {
        _independent = Graphs.Independent(1000, _ => Task.CompletedTask);
        _layered = Graphs.Layered(10, 100, _ => Task.CompletedTask);
    }

    [Benchmark(Description = "1,000 independent no-op targets")]
    public Task Independent() => Runs.PlanAndRunAsync(_independent, Environment.ProcessorCount);

    [Benchmark(Description = "1,000 no-op targets, 10 layers of 100")]
    public Task Layered() => Runs.PlanAndRunAsync(_layered, Environment.ProcessorCount);
}
