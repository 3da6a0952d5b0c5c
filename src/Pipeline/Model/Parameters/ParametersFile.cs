using System.Text.Json;

namespace Pipeline;

/// <summary>
/// One <c>.nuke/parameters*.json</c> file: its top-level keys with the line each stands on, so
/// that every error can name the file and line.
/// </summary>
internal sealed class ParametersFile
{
    private ParametersFile(AbsolutePath path, IReadOnlyList<Entry> entries)
    {
        Path = path;
        Entries = entries;
    }

    public AbsolutePath Path { get; }

    public IReadOnlyList<Entry> Entries { get; }

    public sealed record Entry(string Key, JsonElement Value, int Line);

    public static ParametersFile Load(AbsolutePath path, AbsolutePath root)
    {
        var bytes = File.ReadAllBytes(path);
        var shown = path.RelativeTo(root);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        var entries = new List<Entry>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new UsageException($"{shown}:1: expected a JSON object of parameter names and values.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                var line = LineOf(bytes, reader.TokenStartIndex);
                reader.Read();
                using var value = JsonDocument.ParseValue(ref reader);
                entries.Add(new Entry(key, value.RootElement.Clone(), line));
            }
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            throw new UsageException($"{shown}:{line}: malformed JSON: {FirstSentence(e.Message)}");
        }

        return new ParametersFile(path, entries);
    }

    private static int LineOf(byte[] bytes, long offset)
    {
        var line = 1;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }

    // System.Text.Json appends its own "LineNumber: … | BytePositionInLine: …"; we print file:line instead.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }
}
