namespace Pipeline.Components.PullRequests;

/// <summary>How <see cref="PullRequestComments.UpsertAsync"/> left the comment.</summary>
public enum CommentChange
{
    Created,
    Updated,
}
