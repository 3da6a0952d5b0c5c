using System.Text.RegularExpressions;

namespace Pipeline.GitHubActions;

/// <summary>
/// Text a user writes for CI only (steps, raw keys, job settings) may hold GitHub expressions, but
/// none may read the <c>secrets</c> context: a secret reaches a job only through a declared secret
/// parameter, so the generator knows which jobs receive which secrets (and no other job does).
/// <c>github.token</c> is not a secret of the repository and stays allowed.
/// </summary>
internal static partial class SecretsGuard
{
    public static bool ReadsSecrets(string? text) =>
        text is not null && Expression().Matches(text).Any(m => SecretsContext().IsMatch(m.Value));

    /// <summary>Adds a problem when <paramref name="text"/> reads secrets; <paramref name="where"/> says where it was declared.</summary>
    public static void Check(Problems problems, string where, string? text)
    {
        if (ReadsSecrets(text))
        {
            problems.Add($"{where} reads the secrets context; a secret reaches a job only through a secret parameter " +
                "(a target's Requires or Reads, or a step's With/Env with the parameter), so only the jobs that declare it receive it.");
        }
    }

    public static void Check(Problems problems, string where, IEnumerable<string>? texts)
    {
        foreach (var text in texts ?? [])
        {
            Check(problems, where, text);
        }
    }

    [GeneratedRegex(@"\$\{\{.*?(\}\}|$)", RegexOptions.Singleline)]
    private static partial Regex Expression();

    [GeneratedRegex(@"(?<![\w.-])secrets(?![\w-])")]
    private static partial Regex SecretsContext();
}
