using System.Text.RegularExpressions;

namespace Pipeline.GitHubActions;

/// <summary>
/// A credential written into a workflow is readable by everyone who can read the repository, and
/// stays in its history. Refused: a value shaped like a known token anywhere in env or with, and a
/// literal value for an input or variable named like a password or token. A secret parameter is the
/// way in (it renders as <c>${{ secrets.… }}</c>). A service container's own variables configure a
/// throwaway container in the job's network and are only checked for token shapes.
/// </summary>
internal sealed partial class HardcodedCredentials : ISecurityRule
{
    public string Audit => "hardcoded-credentials";

    public IEnumerable<SecurityFinding> Check(SecurityScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        IEnumerable<(string Owner, string Key, string Value, bool Named)> values =
        [
            .. scope.Model.Env.Select(e => ("the workflow", e.Key, e.Value, true)),
            .. scope.Model.Jobs.SelectMany(j => j.Settings.Env.Select(e => ($"the job {j.Id}", e.Key, e.Value, true))),
            .. scope.Model.Jobs.SelectMany(j => j.Services.SelectMany(s => s.Environment.Select(e => ($"the job {j.Id}: its service {s.Name}", e.Key, e.Value, false)))),
            .. scope.Steps.SelectMany(s => s.Step.Env.Concat(s.Step.With).Select(e => (s.Owner, e.Key, e.Value, true))),
        ];
        foreach (var (owner, key, value, named) in values.Where(v => !v.Value.Contains("${{", StringComparison.Ordinal)))
        {
            if (TokenShape().IsMatch(value) || (named && CredentialName().IsMatch(key) && value.Trim().Length > 0 && !IsFlag(value)))
            {
                yield return new SecurityFinding(
                    $"{owner} writes a credential into the file as {key}: declare it with Parameter.Secret and pass the parameter, so it comes from the repository's secrets.");
            }
        }
    }

    private static bool IsFlag(string value) => value is "true" or "false";

    [GeneratedRegex(@"(?i)(password|passwd|secret|token|api[-_]?key|private[-_]?key|credentials?)$|(?i)^(password|token)")]
    private static partial Regex CredentialName();

    /// <summary>GitHub, AWS, Slack, GitLab, npm and PyPI token prefixes, as their issuers document them.</summary>
    [GeneratedRegex(@"\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|pypi-[A-Za-z0-9_-]{50,})")]
    private static partial Regex TokenShape();
}
