using BenchmarkDotNet.Running;
using Pipeline.Benchmarks;

// `diamond [runs]`: the wall-time / critical-path ratio. `memory --megabytes N`: a pipeline whose
// targets print N MB, for bench/memory.sh to measure. Anything else goes to BenchmarkDotNet.
if (args is ["memory", .. var pipelineArguments])
{
    return await LoudTargets.RunAsync(pipelineArguments);
}

if (args is ["diamond", ..])
{
    await DiamondRatio.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(SchedulerOverhead).Assembly).Run(args);
return 0;
