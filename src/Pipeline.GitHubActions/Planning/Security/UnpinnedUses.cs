namespace Pipeline.GitHubActions;

/// <summary>
/// A tag or branch can be moved to other code after review; only a commit cannot. Every action a
/// workflow uses is therefore referenced by commit, resolved from <c>.WorkflowSpec.Pin</c> or the
/// action lock; one neither knows is refused, naming the command that locks it.
/// </summary>
internal sealed class UnpinnedUses : ISecurityRule
{
    public string Audit => "unpinned-uses";

    public IEnumerable<SecurityFinding> Check(SecurityScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var (_, step, owner) in scope.Steps)
        {
            if (step.Uses is not { } uses || uses.StartsWith("./", StringComparison.Ordinal))
            {
                continue;
            }

            if (uses.StartsWith("docker://", StringComparison.Ordinal))
            {
                if (!ActionLock.HasDigest(uses))
                {
                    var image = uses["docker://".Length..];
                    yield return new SecurityFinding(
                        $"{owner} uses the image {image} without a digest, and {ActionLock.RelativePath} locks none for it: run {ActionLock.UpdateCommand} {image} and commit the lock.");
                }

                continue;
            }

            var at = uses.IndexOf('@', StringComparison.Ordinal);
            if (at < 0)
            {
                yield return new SecurityFinding(
                    $"{owner} uses {uses}, which neither the workflow pins (.Pin) nor {ActionLock.RelativePath} locks: run {ActionLock.UpdateCommand} {uses}@<tag> and commit the lock.");
            }
            else if (!Identifiers.IsCommitSha(uses[(at + 1)..]))
            {
                // A failure, as zizmor's unpinned-uses audit is: the tag could be moved to other code
                // after this workflow was reviewed.
                yield return new SecurityFinding(
                    $"{owner} uses {uses}, a tag or branch that {ActionLock.RelativePath} does not lock to a commit: run {ActionLock.UpdateCommand} {uses} and commit the lock.");
            }
        }
    }
}
