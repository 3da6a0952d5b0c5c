namespace Pipeline.GitHubActions;

/// <summary>
/// The non-secret parameters a job's targets read (<c>Requires</c>/<c>Reads</c>) that come from a
/// configuration variable in CI (<see cref="Parameter{T}.FromRepositoryVariable"/>): each reaches the
/// build step as <c>NAME: ${{ vars.NAME }}</c>. A workflow input for the same parameter wins: it is
/// the value a person chose for this run.
/// </summary>
internal static class RepositoryVariables
{
    public static IEnumerable<KeyValuePair<string, string>> EnvOf(IEnumerable<TargetDefinition> runs, WorkflowDispatchModel? dispatch) =>
        runs.SelectMany(t => t.Parameters)
            .Where(p => p is { IsRepositoryVariable: true, IsSecret: false })
            .Where(p => dispatch?.Inputs.Any(i => i.Parameter.Equals(p)) != true)
            .DistinctBy(p => p.EnvironmentName)
            .Select(p => new KeyValuePair<string, string>(p.EnvironmentName, $"${{{{ vars.{p.EnvironmentName} }}}}"));
}
