using System.Globalization;

namespace Pipeline.Components.Coverage;

/// <summary>The total line of <c>go tool cover -func</c>, and the verdict against a threshold.</summary>
public static class GoCoverageReport
{
    /// <summary>Returns the percentage on the <c>total:</c> line, or null when there is none.</summary>
    public static double? ParseTotal(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            if (!line.StartsWith("total:", StringComparison.Ordinal))
            {
                continue;
            }

            var last = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd('%');
            return double.Parse(last, CultureInfo.InvariantCulture);
        }

        return null;
    }

    /// <summary>Null when the coverage meets the threshold; otherwise the failure message with both numbers.</summary>
    public static string? CheckThreshold(double coverage, double threshold) =>
        coverage >= threshold
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"coverage {coverage}% is below the threshold of {threshold}%");
}
