namespace Pipeline.Generation;

/// <summary>A unified diff (as <c>git diff</c> prints it) of two texts, with three lines of context.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static IEnumerable<string> Create(string before, string after, string path)
    {
        var a = Lines(before);
        var b = Lines(after);
        var edits = Edits(a, b);
        yield return $"--- a/{path}";
        yield return $"+++ b/{path}";

        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk: from Context lines before this change to Context lines after the last change near it.
            var start = Math.Max(0, i - Context);
            var end = i;
            while (end < edits.Count)
            {
                var nextChange = edits.FindIndex(end, e => e.Kind != ' ');
                if (nextChange < 0 || nextChange - end > 2 * Context)
                {
                    break;
                }

                end = edits.FindIndex(nextChange, e => e.Kind == ' ');
                if (end < 0)
                {
                    end = edits.Count;
                }
            }

            end = Math.Min(edits.Count, end + Context);
            var hunk = edits.GetRange(start, end - start);
            var oldStart = edits.Take(start).Count(e => e.Kind != '+') + 1;
            var newStart = edits.Take(start).Count(e => e.Kind != '-') + 1;
            yield return $"@@ -{oldStart},{hunk.Count(e => e.Kind != '+')} +{newStart},{hunk.Count(e => e.Kind != '-')} @@";
            foreach (var edit in hunk)
            {
                yield return edit.Kind + edit.Line;
            }

            i = end;
        }
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    /// <summary>Longest-common-subsequence edit script: fine for the small files we generate.</summary>
    private static List<(char Kind, string Line)> Edits(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add((' ', a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(('-', a[x++])); // deletions first, as git prints them
            }
            else
            {
                edits.Add(('+', b[y++]));
            }
        }

        return edits;
    }
}
