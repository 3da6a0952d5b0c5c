namespace Pipeline.GitHubActions;

/// <summary>
/// A workflow that publishes (see <see cref="PublishingWorkflow"/>) restores no cache: an entry a
/// pull request's run wrote could otherwise reach what it ships. The generator leaves its own caches
/// out there; this rule also catches a step that restores one (actions/cache, a set-up action's
/// built-in cache). Saving alone (actions/cache/save) stays allowed.
/// </summary>
internal sealed class CachePoisoning : ISecurityRule
{
    private static readonly string[] SetUpsWithCacheInput = ["actions/setup-node", "actions/setup-dotnet", "actions/setup-python", "actions/setup-java"];

    public string Audit => "cache-poisoning";

    public IEnumerable<SecurityFinding> Check(SecurityScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Publishes is not { } reason)
        {
            yield break;
        }

        foreach (var (_, step, owner) in scope.Steps)
        {
            if (Restores(step))
            {
                yield return new SecurityFinding($"{owner} restores a cache, but the workflow publishes ({reason}): remove the step, or only save (actions/cache/save).");
            }
        }
    }

    private static bool Restores(StepModel step) =>
        (SecurityScope.Uses(step, "actions/cache") && !SecurityScope.Uses(step, "actions/cache/save"))
        || SecurityScope.Uses(step, "Swatinem/rust-cache")
        || (SecurityScope.Uses(step, "actions/setup-go") && SecurityScope.With(step, "cache") != "false") // setup-go caches unless told not to
        || (SetUpsWithCacheInput.Any(a => SecurityScope.Uses(step, a)) && SecurityScope.With(step, "cache") is { Length: > 0 } cache && cache != "false");
}
