using Octokit;

namespace Pipeline.Components.PullRequests;

/// <summary>
/// One comment per purpose on a pull request, kept up to date: each push updates the comment that
/// carries the marker instead of adding another.
/// </summary>
internal sealed class PullRequestComments(IGitHubClient client)
{
    /// <summary>A client for <paramref name="pullRequest"/>'s API with a token.</summary>
    public static PullRequestComments For(PullRequest pullRequest, string token) =>
        new(new GitHubClient(new ProductHeaderValue("Pipeline"), pullRequest.ApiUrl) { Credentials = new Credentials(token) });

    /// <summary>Updates the comment whose body contains <paramref name="marker"/>, else creates one; the body must contain the marker.</summary>
    /// <param name="marker">A hidden HTML comment, e.g. <c>&lt;!-- pipeline:coverage --&gt;</c>.</param>
    public async Task<(CommentChange Change, long Id)> UpsertAsync(PullRequest pullRequest, string marker, string body)
    {
        if (!body.Contains(marker, StringComparison.Ordinal))
        {
            throw new ArgumentException("The body must carry the marker, or the next run could not find the comment.", nameof(body));
        }

        var comments = client.Issue.Comment;
        var existing = (await comments.GetAllForIssue(pullRequest.Owner, pullRequest.Repository, pullRequest.Number).ConfigureAwait(false))
            .FirstOrDefault(c => c.Body?.Contains(marker, StringComparison.Ordinal) == true);
        if (existing is not null)
        {
            await comments.Update(pullRequest.Owner, pullRequest.Repository, existing.Id, body).ConfigureAwait(false);
            return (CommentChange.Updated, existing.Id);
        }

        var created = await comments.Create(pullRequest.Owner, pullRequest.Repository, pullRequest.Number, body).ConfigureAwait(false);
        return (CommentChange.Created, created.Id);
    }
}
