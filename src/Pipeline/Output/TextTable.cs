namespace Pipeline.Output;

/// <summary>Columns padded to their widest cell; the last column is left ragged.</summary>
internal static class TextTable
{
    public static IEnumerable<string> Render(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows) =>
        Columns([header, [.. header.Select((_, i) => new string('─', rows.Select(r => r[i].Length).Prepend(header[i].Length).Max()))], .. rows]);

    /// <summary>Rows without a header, each column as wide as its widest cell.</summary>
    public static IEnumerable<string> Columns(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        if (rows.Count == 0)
        {
            yield break;
        }

        var widths = Enumerable.Range(0, rows[0].Count).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var cells in rows)
        {
            yield return string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
        }
    }
}
