using System.Globalization;

namespace Pipeline.Execution;

/// <summary>Durations as people read them in logs and tables: 850 ms, 4.2 s, 3:07.</summary>
internal static class Durations
{
    public static string Format(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 1 } => $"{(int)duration.TotalMilliseconds} ms",
        { TotalMinutes: < 1 } => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        { TotalHours: < 1 } => $"{(int)duration.TotalMinutes}:{duration.Seconds:00}",
        _ => $"{(int)duration.TotalHours}:{duration.Minutes:00}:{duration.Seconds:00}",
    };
}
