using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Benchmarks;

/// <summary>
/// Wall time of a diamond of sleeping targets divided by its critical path (three sleeps). 1.0 means
/// the scheduler added nothing: the middle targets really overlapped and the last started at once.
/// </summary>
internal static class DiamondRatio
{
    public static async Task RunAsync(int repetitions)
    {
        var sleep = TimeSpan.FromMilliseconds(200);
        var criticalPath = sleep * 3;
        foreach (var width in new[] { 2, 4, 8 })
        {
            var ratios = new List<double>();
            await Runs.PlanAndRunAsync(Graphs.Diamond(width, sleep), width); // warm-up
            for (var i = 0; i < repetitions; i++)
            {
                var clock = Stopwatch.StartNew();
                await Runs.PlanAndRunAsync(Graphs.Diamond(width, sleep), width);
                ratios.Add(clock.Elapsed / criticalPath);
            }

            ratios.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"diamond A → {width} parallel → Z, 200 ms each: median ratio {ratios[ratios.Count / 2]:0.000}, worst {ratios[^1]:0.000} ({repetitions} runs)"));
        }
    }
}
