using System.Globalization;
using System.Text.Json;

namespace Pipeline;

/// <summary>
/// An output's value as text, the form it travels in (<c>$GITHUB_OUTPUT</c>, a job's environment):
/// strings as they are, booleans as <c>true</c>/<c>false</c>, numbers invariant, everything else as
/// compact JSON, so a list is <c>["a","b"]</c> and an empty one <c>[]</c>, as <c>fromJSON</c> reads it.
/// </summary>
internal static class OutputText
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => value switch
    {
        null => throw new ArgumentNullException(nameof(value), "An output's value cannot be null."),
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable number when IsNumber(typeof(T)) => number.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value, Json),
    };

    public static T Read<T>(string text, IOutput output)
    {
        try
        {
            object value = typeof(T) == typeof(string) ? text
                : typeof(T) == typeof(bool) ? bool.Parse(text)
                : IsNumber(typeof(T)) ? Convert.ChangeType(text, typeof(T), CultureInfo.InvariantCulture)
                : JsonSerializer.Deserialize<T>(text, Json)!;
            return (T)value;
        }
        catch (Exception e) when (e is FormatException or JsonException or OverflowException or NotSupportedException)
        {
            throw new TargetFailedException($"the output {output.Name} has the value '{Shortened(text)}', which is not a {typeof(T).Name}: {e.Message}");
        }
    }

    /// <summary>The items of a list output, each as compact JSON (a matrix cell's value).</summary>
    public static IReadOnlyList<string> Items(string text, IOutput output)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new TargetFailedException($"the output {output.Name} is '{Shortened(text)}', not a JSON list, so it cannot give a matrix its cells.");
            }

            return [.. document.RootElement.EnumerateArray().Select(Compact)];
        }
        catch (JsonException e)
        {
            throw new TargetFailedException($"the output {output.Name} is not JSON ('{Shortened(text)}'): {e.Message}");
        }
    }

    /// <summary>One JSON value, written compactly (CI's <c>toJSON</c> indents it).</summary>
    public static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Compact(document.RootElement);
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    private static bool IsNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal) ||
        type == typeof(float) || type == typeof(short) || type == typeof(uint) || type == typeof(ulong);

    private static string Shortened(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
