using System.Text.RegularExpressions;

namespace Pipeline.GitHubActions;

/// <summary>
/// <c>${{ github.event.issue.title }}</c> in a <c>run:</c> (or a github-script <c>script</c>) is
/// pasted into the code before the shell sees it: whoever writes that title writes code. Values an
/// outsider can set are refused there; an env variable carries them safely instead.
/// </summary>
internal sealed partial class TemplateInjection : ISecurityRule
{
    public string Audit => "template-injection";

    public IEnumerable<SecurityFinding> Check(SecurityScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var (_, step, owner) in scope.Steps)
        {
            var code = step.Run ?? (SecurityScope.Uses(step, "actions/github-script") ? SecurityScope.With(step, "script") : null);
            foreach (var expression in Expressions(code).Where(IsUntrusted).Distinct(StringComparer.Ordinal))
            {
                yield return new SecurityFinding(
                    $"{owner} expands {expression} inside its code, and whoever opens the pull request, issue or comment chooses that text: " +
                    "pass it through the step's env and read the variable instead.");
            }
        }
    }

    private static IEnumerable<string> Expressions(string? code) =>
        code is null ? [] : Expression().Matches(code).Select(m => m.Value);

    private static bool IsUntrusted(string expression) =>
        Untrusted().Matches(expression).Any(m => !SafeField().IsMatch(m.Value));

    [GeneratedRegex(@"\$\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex Expression();

    /// <summary>The event's payload and the pull request's branch names: text from outside the repository.</summary>
    [GeneratedRegex(@"\bgithub\.(event(\.[\w-]+|\[[^\]]*\]|\.\*)+|head_ref)")]
    private static partial Regex Untrusted();

    /// <summary>Numbers, ids, commit SHAs, flags and times, which nobody can turn into code.</summary>
    [GeneratedRegex(@"\.(number|id|\w+_id|sha|\w+_sha|fork|draft|merged|private|run_attempt|created_at|updated_at|size|forced|deleted|created)$")]
    private static partial Regex SafeField();
}
