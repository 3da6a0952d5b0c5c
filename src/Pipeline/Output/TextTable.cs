namespace Pipeline;

/// <summary>Columns padded to their widest cell; the last column is left ragged.</summary>
internal static class TextTable
{
    public static IEnumerable<string> Render(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        yield return Row(header);
        yield return Row([.. widths.Select(w => new string('─', w))]);
        foreach (var row in rows)
        {
            yield return Row(row);
        }

        string Row(IReadOnlyList<string> cells) =>
            string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
    }
}
