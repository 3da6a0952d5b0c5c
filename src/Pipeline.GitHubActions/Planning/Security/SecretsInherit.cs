namespace Pipeline.GitHubActions;

/// <summary>
/// <c>secrets: inherit</c> hands a called workflow every secret of the repository, not the ones it
/// needs. A warning: passing secrets explicitly is better, but it is not always possible. Both the typed
/// call (<c>CallSpec.InheritSecrets()</c>) and a raw <c>secrets</c> key are checked.
/// </summary>
internal sealed class SecretsInherit : ISecurityRule
{
    public string Audit => "secrets-inherit";

    public IEnumerable<SecurityFinding> Check(SecurityScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Model.Jobs
            .Where(job => job.Call is { Inherit: true } || job.Settings.Raw.Any(k => k.Key == "secrets" && k.Value is string text && text.Trim() == "inherit"))
            .Select(job => new SecurityFinding($"the job {job.Id} passes secrets: inherit, which hands the called workflow every secret of the repository: pass the ones it reads (CallSpec.Secret(…)).", Warning: true));
    }
}
