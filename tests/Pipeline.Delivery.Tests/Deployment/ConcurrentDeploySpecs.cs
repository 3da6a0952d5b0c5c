namespace Pipeline.Delivery.Tests.Deployment;

/// <summary>Two deploys to one environment at once (two runs in one checkout): the second waits for the first.</summary>
public sealed class ConcurrentDeploySpecs
{
    [Fact]
    public async Task Two_deploys_to_one_environment_run_one_after_the_other()
    {
        var probe = new OverlapProbe();
        using var root = new TempRoot();
        var variables = new Dictionary<string, string> { ["DEPLOY_IMAGE"] = "127.0.0.1:5000/api:1" };

        var runs = await Task.WhenAll(RunAsync(root, probe, variables), RunAsync(root, probe, variables));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Output));
        Assert.Equal(2, probe.Deploys);
        Assert.Equal(1, probe.MostAtOnce);
        Assert.Contains(runs, run => run.Output.Contains("Another deploy to staging is running on this machine; waiting for it to finish", StringComparison.Ordinal));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(TempRoot root, OverlapProbe probe, Dictionary<string, string> variables)
    {
        var output = new StringWriter();
        var environment = new PipelineEnvironment(root.Path, variables, output, output, ProcessorCount: 2, UseColor: false);
        var exitCode = await new PipelineBuilder().Add<OverlapDeploy>().Provide(probe)
            .RunAsync([nameof(OverlapDeploy)], environment, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString());
    }
}

/// <summary>A driver that stays a while in its deploy and counts how many deploys were inside at once.</summary>
public sealed class OverlapProbe : IDeploymentDriver
{
    private int _inside;
    private int _mostAtOnce;
    private int _deploys;

    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    public int Deploys => Volatile.Read(ref _deploys);

    public string Name => "overlap probe";

    public async Task<DeploymentResult> DeployAsync(Pipeline.Delivery.Deployment request, TargetContext context)
    {
        var inside = Interlocked.Increment(ref _inside);
        Interlocked.Increment(ref _deploys);
        int most;
        while ((most = Volatile.Read(ref _mostAtOnce)) < inside && Interlocked.CompareExchange(ref _mostAtOnce, inside, most) != most)
        {
        }

        // Long enough for the other run to arrive: without serialisation both are inside now.
        await Task.Delay(TimeSpan.FromMilliseconds(800), context.Cancellation);
        Interlocked.Decrement(ref _inside);
        return new DeploymentResult(DeploymentOutcome.Updated, new Uri("http://127.0.0.1:18080/"), "deployed");
    }
}

/// <summary>A DeployStaging whose driver is the probe.</summary>
public sealed class OverlapDeploy(OverlapProbe probe) : DeployStagingTarget
{
    protected override string Application => "api";

    protected override IDeploymentDriver CreateDriver(DeploymentDriverKind kind, TargetContext context) => probe;
}
