using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipeline.GitHubActions;

/// <summary>
/// A small YAML tree that keeps keys in the order they were added and knows which scalars are
/// strings. YamlDotNet's emitter writes it: it decides quoting and escaping, we only ask for
/// single quotes where a plain scalar would read as something else (true, 1, 5432:5432).
/// </summary>
internal abstract partial record YamlTree
{
    public static YamlTree Text(string text, string? comment = null) => new Scalar(text, true, comment);

    public static YamlTree Bool(bool value) => new Scalar(value ? "true" : "false", false, null);

    public static YamlTree Number(int value) => new Scalar(value.ToString(System.Globalization.CultureInfo.InvariantCulture), false, null);

    /// <summary>A scalar written as is: a number, or <c>null</c>.</summary>
    public static YamlTree Plain(string value) => new Scalar(value, false, null);

    public static YamlTree List(IEnumerable<string> items, bool flow = true) => new Sequence([.. items.Select(i => Text(i))], flow);

    public static YamlTree List(IEnumerable<YamlTree> items) => new Sequence([.. items], false);

    public abstract void Emit(IEmitter emitter);

    /// <summary>Would YAML (1.1 or 1.2) read this plain scalar as a boolean, number or null?</summary>
    private static bool LooksTyped(string text) => text.Length == 0 || Typed().IsMatch(text);

    [GeneratedRegex(@"^(?:[yYnN]|[yY]es|YES|[nN]o|NO|[tT]rue|TRUE|[fF]alse|FALSE|[oO]n|ON|[oO]ff|OFF|~|[nN]ull|NULL|[-+]?(?:\.[0-9]+|[0-9][0-9_,:.]*)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex Typed();

    public sealed record Scalar(string Value, bool IsString, string? Comment) : YamlTree
    {
        public override void Emit(IEmitter emitter)
        {
            var style = Value.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal
                : IsString && LooksTyped(Value) ? ScalarStyle.SingleQuoted
                : ScalarStyle.Any;
            emitter.Emit(new YamlDotNet.Core.Events.Scalar(null, null, Value, style, true, true));
            if (Comment is not null)
            {
                emitter.Emit(new Comment(Comment, true));
            }
        }
    }

    public sealed record Sequence(IReadOnlyList<YamlTree> Items, bool Flow) : YamlTree
    {
        public override void Emit(IEmitter emitter)
        {
            // Flow style only for short lists of plain words: [main, develop].
            var flow = Flow && Items.All(i => i is Scalar s && !s.Value.Contains('\n', StringComparison.Ordinal));
            emitter.Emit(new SequenceStart(null, null, true, flow ? SequenceStyle.Flow : SequenceStyle.Block));
            foreach (var item in Items)
            {
                item.Emit(emitter);
            }

            emitter.Emit(new SequenceEnd());
        }
    }

    /// <summary>A mapping in insertion order; null values are left out, so optional keys read naturally.</summary>
    public sealed record Map : YamlTree
    {
        private readonly List<KeyValuePair<string, YamlTree>> _entries = [];

        public bool IsEmpty => _entries.Count == 0;

        public bool Contains(string key) => _entries.Exists(e => e.Key == key);

        /// <summary>The value under <paramref name="key"/>, or null.</summary>
        public YamlTree? this[string key] => _entries.Find(e => e.Key == key).Value;

        public Map Add(string key, YamlTree? value)
        {
            if (value is not null)
            {
                _entries.Add(new(key, value));
            }

            return this;
        }

        public Map Add(string key, string? text) => Add(key, text is null ? null : Text(text));

        public override void Emit(IEmitter emitter)
        {
            emitter.Emit(new MappingStart(null, null, true, IsEmpty ? MappingStyle.Flow : MappingStyle.Block));
            foreach (var (key, value) in _entries)
            {
                emitter.Emit(new YamlDotNet.Core.Events.Scalar(key));
                value.Emit(emitter);
            }

            emitter.Emit(new MappingEnd());
        }
    }
}
