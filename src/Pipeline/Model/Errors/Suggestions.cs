namespace Pipeline;

/// <summary>"Did you mean …?": the known names closest to a misspelt one.</summary>
internal static class Suggestions
{
    public static IReadOnlyList<string> Closest(string wrong, IEnumerable<string> known, int max = 3)
    {
        var target = ParameterNames.Normalize(wrong);
        return known
            .Select(name => (name, distance: Distance(target, ParameterNames.Normalize(name))))
            .Where(c => c.distance <= Math.Max(2, target.Length / 3) ||
                        ParameterNames.Normalize(c.name).StartsWith(target, StringComparison.Ordinal))
            .OrderBy(c => c.distance)
            .ThenBy(c => c.name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.name)
            .ToList();
    }

    /// <summary>" Did you mean `A` or `B`?", or "" when nothing is close.</summary>
    public static string DidYouMean(string wrong, IEnumerable<string> known, Func<string, string>? format = null)
    {
        var closest = Closest(wrong, known);
        if (closest.Count == 0)
        {
            return "";
        }

        format ??= n => n;
        return " Did you mean " + string.Join(" or ", closest.Select(n => $"`{format(n)}`")) + "?";
    }

    /// <summary>Optimal string alignment distance: a swap of two letters counts as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
