using Octokit;

namespace Pipeline.GitHubActions;

/// <summary>
/// The commit a tag (or, failing that, a branch) of a GitHub repository points to, through GitHub's
/// REST API with Octokit: the ref, then an annotated tag dereferenced to its commit. The API's base
/// address is <c>GITHUB_API_URL</c> when set (GitHub Enterprise, or a test's fake); a token from
/// <c>GITHUB_TOKEN</c> raises the rate limit and is never printed.
/// </summary>
internal sealed class GitHubTags(IGitHubClient client)
{
    public const string ApiUrlVariable = "GITHUB_API_URL";

    public const string TokenVariable = "GITHUB_TOKEN";

    public static GitHubTags From(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var product = new ProductHeaderValue("Pipeline");
        var client = environment.GetValueOrDefault(ApiUrlVariable) is { Length: > 0 } url
            ? new GitHubClient(product, new Uri(url))
            : new GitHubClient(product);
        if (environment.GetValueOrDefault(TokenVariable) is { Length: > 0 } token)
        {
            client.Credentials = new Credentials(token);
        }

        return new GitHubTags(client);
    }

    /// <summary>The commit of <paramref name="reference"/> in <c>owner/repo</c>; a one-line error when there is none.</summary>
    public async Task<string> CommitOfAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var (owner, name) = (repository.Split('/')[0], repository.Split('/')[1]);
        try
        {
            var found = await RefAsync(owner, name, $"tags/{reference}").ConfigureAwait(false)
                ?? await RefAsync(owner, name, $"heads/{reference}").ConfigureAwait(false)
                ?? throw new UsageException($"{repository} has no tag or branch '{reference}' on GitHub: name one it has (owner/repo@tag).");
            var target = found.Object;
            for (var depth = 0; target.Type.Value == TaggedType.Tag; depth++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (depth == 5)
                {
                    throw new UsageException($"{repository}@{reference} is a tag of a tag more than five deep; lock it by commit instead.");
                }

                target = (await client.Git.Tag.Get(owner, name, target.Sha).ConfigureAwait(false)).Object;
            }

            return target.Type.Value == TaggedType.Commit
                ? target.Sha
                : throw new UsageException($"{repository}@{reference} points to a {target.Type.StringValue}, not a commit.");
        }
        catch (ApiException e) when (e is not NotFoundException)
        {
            throw new UsageException($"GitHub refused to resolve {repository}@{reference}: {(int)e.StatusCode} {e.Message}");
        }
        catch (HttpRequestException e)
        {
            throw new UsageException($"GitHub's API could not be reached to resolve {repository}@{reference}: {e.Message}");
        }
    }

    private async Task<Reference?> RefAsync(string owner, string name, string reference)
    {
        try
        {
            return await client.Git.Reference.Get(owner, name, reference).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
