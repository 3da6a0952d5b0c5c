namespace Pipeline.Tests.Outputs;

/// <summary>Reads a <c>$GITHUB_OUTPUT</c> file as the runner does: <c>name=value</c> lines and <c>name&lt;&lt;DELIMITER</c> blocks.</summary>
internal static class GitHubOutputs
{
    public static Dictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var delimiter = line[(heredoc + 2)..];
                var body = new List<string>();
                while (lines[++i] != delimiter)
                {
                    body.Add(lines[i]);
                }

                values[line[..heredoc]] = string.Join('\n', body);
            }
            else
            {
                values[line[..equals]] = line[(equals + 1)..];
            }
        }

        return values;
    }
}
