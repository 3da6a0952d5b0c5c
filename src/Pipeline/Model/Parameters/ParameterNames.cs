using System.Text;

namespace Pipeline;

/// <summary>The spellings of one parameter name at the edges: CLI, environment, JSON.</summary>
internal static class ParameterNames
{
    public static bool IsValid(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    /// <summary>Case, dashes and underscores do not matter: <c>--Registry-Password</c> = <c>REGISTRY_PASSWORD</c>.</summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is not ('-' or '_'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    // Brand names whose inner capital does not start a word: NuGetApiKey is --nuget-api-key, not --nu-get-api-key.
    private static readonly string[] KnownWords = ["NuGet", "GitHub", "GitLab", "PowerShell", "OAuth", "OpenID", "DevOps", "JavaScript", "TypeScript", "macOS", "iOS"];

    public static string ToKebabCase(string name) => Separate(name, '-').ToLowerInvariant();

    public static string ToScreamingSnakeCase(string name) => Separate(name, '_').ToUpperInvariant();

    private static string Separate(string name, char separator)
    {
        foreach (var word in KnownWords)
        {
            name = name.Replace(word, char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant(), StringComparison.Ordinal);
        }

        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            // A capital starts a word after a lower-case letter or a digit (X8664Unknown: x8664-unknown), or ends an acronym (HTTPServer).
            var startsWord = i > 0 && char.IsUpper(c) &&
                (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (startsWord)
            {
                builder.Append(separator);
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
