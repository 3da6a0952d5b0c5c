using System.Globalization;

namespace Pipeline.Benchmarks;

/// <summary>
/// The pipeline <c>bench/memory.sh</c> measures: three targets side by side, each running a process
/// that prints a third of <see cref="Megabytes"/> in lines of 100 bytes. Under GitHub Actions one
/// of them streams live and the other two are held back until they end, which is what costs memory.
/// </summary>
internal static class LoudTargets
{
    public static readonly Parameter<int> Megabytes = Parameter.Create("Megabytes (10^6 bytes) of output, split over the three targets", 50);

    public static Task<int> RunAsync(string[] args) => new PipelineBuilder()
        .Add<LoudA>()
        .Add<LoudB>()
        .Add<LoudC>()
        .Parameters(Megabytes)
        .RunAsync(["LoudA", "LoudB", "LoudC", "--max-parallel", "3", .. args]);

    public static Task PrintAsync(TargetContext context)
    {
        var bytes = context.Get(Megabytes) * 1_000_000L / 3;
        var line = "output of a long build log, " + new string('.', 70); // 99 characters and the newline
        return context.RunAsync(new ToolCommand("sh")
            .AddArguments("-c", "yes \"$1\" | head -c \"$2\"", "sh", line, bytes.ToString(CultureInfo.InvariantCulture))
            .WithoutEcho());
    }
}

#pragma warning disable SA1402 // three one-line targets read best together
internal sealed class LoudA : Target
{
    protected override Task RunAsync(TargetContext context) => LoudTargets.PrintAsync(context);
}

internal sealed class LoudB : Target
{
    protected override Task RunAsync(TargetContext context) => LoudTargets.PrintAsync(context);
}

internal sealed class LoudC : Target
{
    protected override Task RunAsync(TargetContext context) => LoudTargets.PrintAsync(context);
}
#pragma warning restore SA1402
