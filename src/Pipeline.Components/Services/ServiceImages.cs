namespace Pipeline.Components.Services;

/// <summary>
/// Public images for common services, and the local override: a machine that cannot pull them
/// (or wants another build) sets <c>PIPELINE_&lt;NAME&gt;_IMAGE</c>, e.g. <c>PIPELINE_POSTGRES_IMAGE</c>.
/// The declared image is what a generated workflow says, so it never depends on the machine that
/// generated it; only the local start reads the override.
/// </summary>
public static class ServiceImages
{
    /// <summary>PostgreSQL 16 (locally: <c>$PIPELINE_POSTGRES_IMAGE</c> when set).</summary>
    public const string Postgres = "postgres:16-alpine";

    /// <summary>Redis 7 (locally: <c>$PIPELINE_REDIS_IMAGE</c> when set).</summary>
    public const string Redis = "redis:7-alpine";

    /// <summary>The variable that overrides <paramref name="image"/> locally: its repository's last segment, upper case.</summary>
    public static string OverrideVariable(string image)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        var repository = image.Split('@', 2)[0];
        var name = repository[(repository.LastIndexOf('/') + 1)..];
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        name = colon < 0 ? name : name[..colon];
        return "PIPELINE_" + new string([.. name.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]) + "_IMAGE";
    }

    /// <summary>The image to start locally for <paramref name="image"/>: the override when the environment has one.</summary>
    public static string Local(string image, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return variables.GetValueOrDefault(OverrideVariable(image)) is { Length: > 0 } local ? local : image;
    }
}
