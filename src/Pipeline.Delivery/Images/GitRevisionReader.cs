namespace Pipeline.Delivery;

/// <summary>
/// Finds the <see cref="GitRevision"/> of a run: the GitHub Actions variables when they are set,
/// otherwise <c>git</c> in the repository (HEAD, its branch, a <c>v*</c> tag pointing at it, and
/// the <c>origin</c> remote as the source).
/// </summary>
internal static class GitRevisionReader
{
    /// <param name="context">The running target, whose runner runs <c>git</c> (cancelled with it, output masked).</param>
    /// <param name="git">The git executable.</param>
    public static async Task<GitRevision> ReadAsync(
        TargetContext context, IReadOnlyDictionary<string, string> variables, AbsolutePath repository, string git = "git")
    {
        ArgumentNullException.ThrowIfNull(context);
        if (GitRevision.FromGitHubVariables(variables) is { } fromActions)
        {
            return fromActions;
        }

        var sha = await GitAsync(context, git, repository, "rev-parse", "HEAD").ConfigureAwait(false)
            ?? throw new TargetFailedException(
                $"Cannot tell which commit to tag images with: {repository} is not a git repository with a commit, and GITHUB_SHA is not set.");
        var branch = await GitAsync(context, git, repository, "symbolic-ref", "--quiet", "--short", "HEAD").ConfigureAwait(false);
        var tags = await GitAsync(context, git, repository, "tag", "--points-at", "HEAD").ConfigureAwait(false);
        var remote = await GitAsync(context, git, repository, "remote", "get-url", "origin").ConfigureAwait(false);
        return new GitRevision(sha, branch, ReleaseTag(tags), remote is null ? null : SourceUrl(remote));
    }

    /// <summary>Of the tags on HEAD, the highest release version (<c>v1.2.3</c>), else any tag, else null.</summary>
    internal static string? ReleaseTag(string? tagLines)
    {
        var tags = (tagLines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return tags
            .Select(t => (Tag: t, Version: SemanticVersion.FromTag(t)))
            .Where(t => t.Version is not null)
            .OrderByDescending(t => (t.Version!.Major, t.Version.Minor, t.Version.Patch, !t.Version.IsPrerelease))
            .Select(t => t.Tag)
            .FirstOrDefault() ?? tags.FirstOrDefault();
    }

    /// <summary><c>git@github.com:acme/shop.git</c> and <c>https://github.com/acme/shop.git</c> both become <c>https://github.com/acme/shop</c>.</summary>
    internal static string? SourceUrl(string remote)
    {
        var url = remote.Trim();
        if (url.EndsWith(".git", StringComparison.Ordinal))
        {
            url = url[..^4];
        }

        if (url.StartsWith("git@", StringComparison.Ordinal) && url.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
        {
            url = "https://" + url[4..colon] + "/" + url[(colon + 1)..];
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }

        // Credentials in a remote URL (https://token@host/...) must not end up in an image label.
        return new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString().TrimEnd('/');
    }

    /// <summary>
    /// One question to git; null when it has no answer (no commit, a detached HEAD, no such remote:
    /// exits 1, 2 or 128) or git is not there. Neither echoed nor logged: what the answers add up to
    /// is logged by the caller, and a remote's URL may hold a token.
    /// </summary>
    private static async Task<string?> GitAsync(TargetContext context, string git, AbsolutePath repository, params string[] arguments)
    {
        var question = new ToolCommand(git).AddArguments(arguments).WithWorkingDirectory(repository)
            .WithQuietOutput().WithoutEcho().AcceptingExitCodes(1, 2, 128);
        try
        {
            var result = await context.RunAsync(question).ConfigureAwait(false);
            return result.ExitCode == 0 && string.Join('\n', result.StandardOutput).Trim() is { Length: > 0 } text ? text : null;
        }
        catch (InvalidOperationException) when (!context.Cancellation.IsCancellationRequested)
        {
            return null; // git could not be started: not installed
        }
    }
}
