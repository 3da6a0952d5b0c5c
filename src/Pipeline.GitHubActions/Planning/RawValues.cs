using System.Collections;

namespace Pipeline.GitHubActions;

/// <summary>
/// Checks raw keys (the escape hatch) while planning: a value of a kind YAML can hold, and no read
/// of the secrets context. That a raw key collides with a typed one is only known when the node is
/// written (<see cref="WorkflowRenderer"/>).
/// </summary>
internal static class RawValues
{
    public static void Check(Problems problems, string owner, IEnumerable<RawKey> keys)
    {
        foreach (var raw in keys)
        {
            var where = $"{owner}: the raw key '{raw.Key}'";
            if (raw.Key.Trim().Length == 0 || raw.Key.Contains('\n', StringComparison.Ordinal))
            {
                problems.Add($"{owner}: a raw key is empty or holds a line break.");
            }

            foreach (var problem in Problems(raw.Value))
            {
                problems.Add($"{where} {problem}");
            }

            SecretsGuard.Check(problems, where, Texts(raw.Key, raw.Value));
        }
    }

    /// <summary>Every string of a value, keys of maps included.</summary>
    public static IEnumerable<string> Texts(string key, object? value) => [key, .. Texts(value)];

    private static IEnumerable<string> Texts(object? value) => value switch
    {
        string text => [text],
        IDictionary map => map.Keys.Cast<object>().Select(k => Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture) ?? "")
            .Concat(map.Values.Cast<object?>().SelectMany(Texts)),
        IEnumerable list => list.Cast<object?>().SelectMany(Texts),
        _ => [],
    };

    private static IEnumerable<string> Problems(object? value) => value switch
    {
        null or string or bool or int or long or double or decimal => [],
        IDictionary map when map.Keys.Cast<object>().All(k => k is string) => map.Values.Cast<object?>().SelectMany(Problems),
        IDictionary => ["has a map whose keys are not all strings."],
        IEnumerable list => list.Cast<object?>().SelectMany(Problems),
        _ => [$"has a value of type {value.GetType().Name}; use a string, bool, number, IDictionary<string, object?>, a list of those, or null."],
    };
}
