using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline;

/// <summary>
/// GitHub's rules for values: null, booleans, numbers (doubles), strings, and JSON objects and
/// arrays; loose equality that turns mismatched types into numbers; text compared ignoring case.
/// </summary>
internal static class ExpressionValues
{
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true, // objects and arrays
    };

    public static double ToNumber(object? value) => value switch
    {
        null => 0,
        bool b => b ? 1 : 0,
        double d => d,
        string s when s.Trim().Length == 0 => 0,
        string s when s.Trim().StartsWith("0x", StringComparison.OrdinalIgnoreCase) =>
            long.TryParse(s.Trim()[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) ? hex : double.NaN,
        string s => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN,
        _ => double.NaN,
    };

    public static string ToText(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => NumberText(d),
        string s => s,
        JsonNode node => "Object", // GitHub prints objects and arrays so in format() and join()
        _ => value.ToString() ?? "",
    };

    public static string NumberText(double number) =>
        number == Math.Floor(number) && Math.Abs(number) < 1e15 ? ((long)number).ToString(CultureInfo.InvariantCulture) : number.ToString("R", CultureInfo.InvariantCulture);

    public static bool LooselyEqual(object? left, object? right)
    {
        if (left is string l && right is string r)
        {
            return string.Equals(l, r, StringComparison.OrdinalIgnoreCase);
        }

        if (left is JsonNode || right is JsonNode)
        {
            return ReferenceEquals(left, right);
        }

        if (left is null && right is null || left is bool && right is bool)
        {
            return Equals(left, right);
        }

        var (a, b) = (ToNumber(left), ToNumber(right));
        return a == b; // NaN is equal to nothing
    }

    /// <summary>Negative, zero or positive; null when the two cannot be ordered (NaN).</summary>
    public static int? Order(object? left, object? right)
    {
        if (left is string l && right is string r)
        {
            return string.Compare(l, r, StringComparison.OrdinalIgnoreCase);
        }

        var (a, b) = (ToNumber(left), ToNumber(right));
        return double.IsNaN(a) || double.IsNaN(b) ? null : a.CompareTo(b);
    }

    /// <summary>A JSON value as an expression value: primitives unwrapped, objects and arrays kept.</summary>
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,

        // Typed as object: JsonNode converts implicitly from string, double and bool, which would re-wrap them.
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => (object)value.GetValue<string>(),
            JsonValueKind.Number => value.GetValue<double>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => (object)node,
    };

    public static object? Parse(string json) => FromJson(JsonNode.Parse(json));

    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        double d => d == Math.Floor(d) && Math.Abs(d) < 1e15 ? JsonValue.Create((long)d) : JsonValue.Create(d),
        string s => JsonValue.Create(s),
        JsonNode node => node.DeepClone(),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>A member by name, ignoring case as GitHub does; "*" filters every item's (or property's) value.</summary>
    public static object? Member(object? value, string name)
    {
        if (name == "*")
        {
            return value switch
            {
                JsonArray array => new JsonArray([.. array.Select(i => i?.DeepClone())]),
                JsonObject obj => new JsonArray([.. obj.Select(p => p.Value?.DeepClone())]),
                _ => new JsonArray(),
            };
        }

        return value switch
        {
            JsonObject obj => FromJson(obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value),
            JsonArray array when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) =>
                index < array.Count ? FromJson(array[index]) : null,
            // After a filter, a member applies to each item: labels.*.name.
            _ => null,
        };
    }

    public static object? MemberOfEach(JsonArray items, string name) =>
        new JsonArray([.. items.Select(i => ToJson(Member(FromJson(i), name))).Where(v => v is not null)]);
}
