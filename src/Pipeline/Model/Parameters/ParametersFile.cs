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
        var bytes = WithoutByteOrderMark(File.ReadAllBytes(path));
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
                if (entries.FirstOrDefault(e => ParameterNames.Normalize(e.Key) == ParameterNames.Normalize(key)) is { } first)
                {
                    throw new UsageException($"{shown}:{line}: '{key}' is given twice (first on line {first.Line}); keep one.");
                }

                reader.Read();
                using var value = JsonDocument.ParseValue(ref reader);
                entries.Add(new Entry(key, value.RootElement.Clone(), line));
            }

            // One object and nothing after it: a second document or stray text is a mistake, not data to ignore.
            if (reader.Read())
            {
                throw new UsageException($"{shown}:{LineOf(bytes, reader.TokenStartIndex)}: unexpected content after the JSON object.");
            }
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            throw new UsageException($"{shown}:{line}: malformed JSON: {FirstSentence(e.Message)}");
        }

        return new ParametersFile(path, entries);
    }

    // Editors on Windows often save UTF-8 with a byte order mark; it is not content.
    private static byte[] WithoutByteOrderMark(byte[] bytes) =>
        bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes[3..] : bytes;

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
