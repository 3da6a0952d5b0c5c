namespace Pipeline.GitHubActions;

/// <summary>
/// A key the typed API does not model, written as given after the typed keys of its node (the
/// escape hatch: nothing GitHub accepts is impossible). Its value is a string, bool, number, a
/// map (<c>IDictionary&lt;string, object?&gt;</c>) or a list of those, or null. <c>${{</c> is allowed
/// (the user chose it), <c>secrets</c> is not: a secret reaches a job only through a declared
/// secret parameter.
/// </summary>
internal sealed record RawKey(string Key, object? Value);

/// <summary>Where raw keys are collected, in declaration order; a key given twice keeps its last value.</summary>
internal sealed class RawKeys
{
    private readonly List<RawKey> _keys = [];

    public void Add(string key, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _keys.RemoveAll(k => k.Key == key);
        _keys.Add(new RawKey(key, value));
    }

    public IReadOnlyList<RawKey> ToList() => [.. _keys];
}
