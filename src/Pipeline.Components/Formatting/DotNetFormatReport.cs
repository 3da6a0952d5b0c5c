using System.Text.Json;
using Pipeline.Components.Tools;

namespace Pipeline.Components.Formatting;

/// <summary>
/// Reads the JSON that <c>dotnet format --report</c> writes: one entry per document it changed (or,
/// with <c>--verify-no-changes</c>, would change), each with its <c>FilePath</c>.
/// </summary>
internal static class DotNetFormatReport
{
    public static IReadOnlyList<string> Files(string json, AbsolutePath root)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray()
            .Select(entry => entry.GetProperty("FilePath").GetString())
            .OfType<string>()
            .Select(path => ReportedPath.RelativeToRoot(path, root, root))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }
}
