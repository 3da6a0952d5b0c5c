using System.Text.RegularExpressions;

namespace Pipeline.GitHubActions;

/// <summary>The names GitHub accepts, checked before anything is written.</summary>
internal static partial class Identifiers
{
    /// <summary>Secret and variable names: letters, digits and underscores, not starting with a digit.</summary>
    public static bool IsSecretName(string name) =>
        SecretName().IsMatch(name) && (!name.StartsWith("GITHUB_", StringComparison.OrdinalIgnoreCase) || name == "GITHUB_TOKEN");

    public static bool IsEnvName(string name) => SecretName().IsMatch(name);

    /// <summary>Job ids: ASCII letters, digits, '-' and '_', starting with a letter or '_'.</summary>
    public static bool IsJobId(string id) => JobId().IsMatch(id);

    public static bool IsCommitSha(string text) => CommitSha().IsMatch(text);

    /// <summary>Five cron fields of digits, names and <c>* / , -</c>.</summary>
    public static bool IsCron(string text) => Cron().IsMatch(text);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SecretName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex JobId();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitSha();

    [GeneratedRegex(@"^\s*[0-9A-Za-z*/,\-]+(\s+[0-9A-Za-z*/,\-]+){4}\s*$")]
    private static partial Regex Cron();
}
