using System.Globalization;
using System.Text.Json;

namespace Pipeline;

/// <summary>Turns the text or JSON a source gives into a parameter's declared type, or says why not.</summary>
internal static class ValueConverter
{
    public const string SupportedTypesText =
        "Supported: string, bool, int, long, double, decimal, enums, AbsolutePath, and arrays of these.";

    public static bool Supports(Type type) =>
        type.IsArray ? type.GetArrayRank() == 1 && SupportsScalar(type.GetElementType()!) : SupportsScalar(type);

    /// <summary>Converts command-line or environment text. Arrays take one token per element.</summary>
    public static object ConvertText(Type type, IReadOnlyList<string> tokens, AbsolutePath root)
    {
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var array = Array.CreateInstance(element, tokens.Count);
            for (var i = 0; i < tokens.Count; i++)
            {
                array.SetValue(ConvertScalar(element, tokens[i], root), i);
            }

            return array;
        }

        return tokens.Count switch
        {
            0 when type == typeof(bool) => true, // a bare `--flag` switches it on
            1 => ConvertScalar(type, tokens[0], root),
            0 => throw new FormatException($"expected {Describe(type)}, got no value"),
            _ => throw new FormatException($"expected a single {Describe(type)}, got {tokens.Count} values"),
        };
    }

    /// <summary>Converts a value from a parameters file, where JSON types must match.</summary>
    public static object ConvertJson(Type type, JsonElement json, AbsolutePath root)
    {
        if (type.IsArray)
        {
            if (json.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"expected a JSON array of {Describe(type.GetElementType()!)}, got {json.ValueKind}");
            }

            return ConvertText(type, [.. json.EnumerateArray().Select(e => ScalarText(type.GetElementType()!, e))], root);
        }

        return ConvertScalar(type, ScalarText(type, json), root);
    }

    public static string Describe(Type type) => type switch
    {
        _ when type.IsArray => $"a list of {Describe(type.GetElementType()!)}",
        _ when type == typeof(string) => "a string",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) => "a whole number (Int32)",
        _ when type == typeof(long) => "a whole number (Int64)",
        _ when type == typeof(double) || type == typeof(decimal) => "a number",
        _ when type == typeof(AbsolutePath) => "a path",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ => type.Name,
    };

    private static bool SupportsScalar(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long) ||
        type == typeof(double) || type == typeof(decimal) || type == typeof(AbsolutePath) || type.IsEnum;

    private static string ScalarText(Type type, JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString()!,
        JsonValueKind.Number when type != typeof(string) => json.GetRawText(),
        JsonValueKind.True or JsonValueKind.False when type == typeof(bool) => json.GetRawText(),
        _ => throw new FormatException($"expected {Describe(type)}, got JSON {json.ValueKind.ToString().ToLowerInvariant()} {json.GetRawText()}"),
    };

    private static object ConvertScalar(Type type, string text, AbsolutePath root)
    {
        var culture = CultureInfo.InvariantCulture;
        object? value = type switch
        {
            _ when type == typeof(string) => text,
            _ when type == typeof(bool) => bool.TryParse(text, out var b) ? b : null,
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, culture, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, culture, out var l) ? l : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, culture, out var d) ? d : null,
            _ when type == typeof(decimal) => decimal.TryParse(text, NumberStyles.Number, culture, out var m) ? m : null,
            _ when type == typeof(AbsolutePath) => text.Length > 0 ? AbsolutePath.Resolve(text, root) : null,
            _ when type.IsEnum => ParseEnum(type, text),
            _ => null,
        };
        return value ?? throw new FormatException($"expected {Describe(type)}");
    }

    private static object? ParseEnum(Type type, string text)
    {
        // Names only: a number would silently accept values that are not declared.
        var match = Enum.GetNames(type).FirstOrDefault(n =>
            ParameterNames.Normalize(n) == ParameterNames.Normalize(text));
        return match is null ? null : Enum.Parse(type, match);
    }
}
