namespace Pipeline.Delivery;

/// <summary>The outcome of setting one scalar in a YAML text.</summary>
/// <param name="Text">The whole text after the edit (the same string when nothing changed).</param>
/// <param name="OldValue">The value the key had, unquoted.</param>
/// <param name="Line">The 1-based line the key is on.</param>
internal sealed record YamlScalarEdit(string Text, string OldValue, int Line, bool Changed);
