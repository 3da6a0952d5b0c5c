namespace Pipeline.Components.PullRequests;

/// <summary>How <see cref="PullRequestComments.UpsertAsync"/> left the comment.</summary>
internal enum CommentChange
{
    Created,
    Updated,
}
