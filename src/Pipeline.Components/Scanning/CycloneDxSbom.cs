using System.Text.Json;

namespace Pipeline.Components.Scanning;

/// <summary>
/// Reads just enough of a CycloneDX JSON SBOM (<c>trivy --format cyclonedx</c>) to report it: its
/// components, nested ones included (the scanned image or folder itself is <c>metadata.component</c>, not counted).
/// </summary>
internal static class CycloneDxSbom
{
    public static int ComponentCount(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new TargetFailedException($"trivy wrote an SBOM that is not JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("bomFormat", out var format) || format.ValueKind != JsonValueKind.String ||
                format.GetString() != "CycloneDX")
            {
                throw new TargetFailedException("trivy wrote an SBOM without \"bomFormat\": \"CycloneDX\": was it run with --format cyclonedx?");
            }

            return Count(root);
        }
    }

    private static int Count(JsonElement parent) =>
        parent.TryGetProperty("components", out var components) && components.ValueKind == JsonValueKind.Array
            ? components.EnumerateArray().Sum(c => 1 + (c.ValueKind == JsonValueKind.Object ? Count(c) : 0))
            : 0;
}
