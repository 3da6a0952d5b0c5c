namespace Pipeline.GitHubActions;

/// <summary>
/// actions/checkout leaves the job's token in <c>.git/config</c> unless told not to, where every
/// later step (and any artifact of the workspace) can read it. Every checkout says
/// <c>persist-credentials: false</c>; the generated one always does. A user's checkout step without
/// it is written with a warning for now (the reference-workflow reproductions have such steps).
/// </summary>
internal sealed class PersistedCredentials : ISecurityRule
{
    public string Audit => "artipacked";

    public IEnumerable<SecurityFinding> Check(SecurityScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Steps
            .Where(s => SecurityScope.Uses(s.Step, DefaultActions.Checkout) && SecurityScope.With(s.Step, "persist-credentials") != "false")
            .Select(s => new SecurityFinding($"{s.Owner} checks out without persist-credentials: false, which leaves the token in .git/config for every later step: add .With(\"persist-credentials\", false).", Warning: true));
    }
}
