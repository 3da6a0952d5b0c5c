namespace Pipeline.Execution;

/// <summary>
/// Appends a target's outputs to the step's <c>$GITHUB_OUTPUT</c> file, where its job's
/// <c>outputs:</c> read them. Each value is written in the heredoc form with a delimiter of its own,
/// so values with line breaks arrive whole.
/// </summary>
internal static class GitHubOutputFile
{
    public static void Append(string path, IEnumerable<(IOutput Output, string Text)> outputs)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (output, value) in outputs)
        {
            var delimiter = "ghadelimiter_" + Guid.NewGuid().ToString("N");
            text.Append(output.Id).Append("<<").Append(delimiter).Append('\n')
                .Append(value).Append('\n')
                .Append(delimiter).Append('\n');
        }

        File.AppendAllText(path, text.ToString());
    }
}
