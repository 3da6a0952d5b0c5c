namespace Pipeline.GitHubActions;

/// <summary>
/// <c>write-all</c> hands a job every write there is (refused unless every job narrows it); a write granted at the workflow level reaches
/// every job, also those that never use it. Writes belong to the job that needs them.
/// </summary>
internal sealed class ExcessivePermissions : ISecurityRule
{
    public string Audit => "excessive-permissions";

    public IEnumerable<SecurityFinding> Check(SecurityScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var model = scope.Model;
        var keepers = model.Jobs.Count(j => j.Permissions is null && j.Settings.AllPermissions is null);
        if (model.AllPermissions == PermissionAccess.Write && keepers > 0)
        {
            yield return new SecurityFinding("the workflow grants write-all: grant each job only the permissions it uses (Permissions on the job).");
        }

        foreach (var job in model.Jobs.Where(j => j.Settings.AllPermissions == PermissionAccess.Write))
        {
            yield return new SecurityFinding($"the job {job.Id} grants write-all: grant it only the permissions it uses.");
        }

        var writes = model.Permissions.Where(p => p.Access == PermissionAccess.Write).ToList();
        if (writes.Count > 0 && keepers > 1)
        {
            yield return new SecurityFinding(
                $"the workflow grants {string.Join(", ", writes)} to every job that keeps its permissions: grant the write on the job that needs it.",
                Warning: true);
        }
    }
}
