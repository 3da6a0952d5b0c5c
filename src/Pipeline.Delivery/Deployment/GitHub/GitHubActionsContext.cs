namespace Pipeline.Delivery;

/// <summary>
/// What a GitHub Actions run says about itself in its default variables: the repository, the
/// commit, the API to call and the run's page. Null outside GitHub Actions.
/// </summary>
public sealed record GitHubActionsContext(string Owner, string Repository, string Sha, Uri ApiUrl, Uri RunUrl)
{
    public static GitHubActionsContext? From(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (variables.GetValueOrDefault("GITHUB_ACTIONS") != "true"
            || variables.GetValueOrDefault("GITHUB_REPOSITORY")?.Split('/') is not [{ Length: > 0 } owner, { Length: > 0 } name]
            || variables.GetValueOrDefault("GITHUB_SHA") is not { Length: > 0 } sha)
        {
            return null;
        }

        var api = variables.GetValueOrDefault("GITHUB_API_URL") is { Length: > 0 } a ? a : "https://api.github.com";
        var server = variables.GetValueOrDefault("GITHUB_SERVER_URL") is { Length: > 0 } s ? s : "https://github.com";
        var run = $"{server.TrimEnd('/')}/{owner}/{name}/actions/runs/{variables.GetValueOrDefault("GITHUB_RUN_ID")}";
        return new GitHubActionsContext(owner, name, sha, new Uri(api), new Uri(run));
    }
}
