using System.Text.Json;

namespace Pipeline.Components.Scanning;

/// <summary>
/// Reads Trivy's JSON report (<c>--format json</c>): <c>Results[]</c>, each a target (a lock file, an
/// image's OS packages) with its <c>Vulnerabilities[]</c> — absent when it has none.
/// </summary>
internal static class TrivyReport
{
    public static IReadOnlyList<Vulnerability> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new TargetFailedException("trivy wrote a report that is not a JSON object: is it Trivy 0.20 or later (SchemaVersion 2)?");
        }

        if (!document.RootElement.TryGetProperty("Results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            return []; // nothing Trivy knows how to scan: no results at all
        }

        return [.. results.EnumerateArray().SelectMany(result =>
        {
            var target = Text(result, "Target") ?? "";
            return result.TryGetProperty("Vulnerabilities", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(v => new Vulnerability(
                    Text(v, "VulnerabilityID") ?? "?",
                    Text(v, "PkgName") ?? "?",
                    Text(v, "InstalledVersion") ?? "",
                    Text(v, "FixedVersion"),
                    SeverityOf(Text(v, "Severity")),
                    Text(v, "Title") ?? "",
                    target))
                : [];
        })
        .Distinct()
        .OrderByDescending(v => v.Severity).ThenBy(v => v.Id, StringComparer.Ordinal).ThenBy(v => v.Package, StringComparer.Ordinal)];
    }

    private static Severity SeverityOf(string? text) =>
        Enum.TryParse<Severity>(text, ignoreCase: true, out var severity) && Enum.IsDefined(severity) ? severity : Severity.Unknown;

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
