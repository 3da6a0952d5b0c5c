using CliWrap;
using CliWrap.Buffered;

namespace Pipeline.Delivery;

/// <summary>
/// Finds the <see cref="GitRevision"/> of a run: the GitHub Actions variables when they are set,
/// otherwise <c>git</c> in the repository (HEAD, its branch, a <c>v*</c> tag pointing at it, and
/// the <c>origin</c> remote as the source).
/// </summary>
public static class GitRevisionReader
{
    public static async Task<GitRevision> ReadAsync(
        IReadOnlyDictionary<string, string> variables, AbsolutePath repository, CancellationToken cancellation = default)
    {
        if (GitRevision.FromGitHubVariables(variables) is { } fromActions)
        {
            return fromActions;
        }

        var sha = await GitAsync(repository, cancellation, "rev-parse", "HEAD").ConfigureAwait(false)
            ?? throw new TargetFailedException(
                $"Cannot tell which commit to tag images with: {repository} is not a git repository with a commit, and GITHUB_SHA is not set.");
        var branch = await GitAsync(repository, cancellation, "symbolic-ref", "--quiet", "--short", "HEAD").ConfigureAwait(false);
        var tags = await GitAsync(repository, cancellation, "tag", "--points-at", "HEAD").ConfigureAwait(false);
        var remote = await GitAsync(repository, cancellation, "remote", "get-url", "origin").ConfigureAwait(false);
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

    private static async Task<string?> GitAsync(AbsolutePath repository, CancellationToken cancellation, params string[] arguments)
    {
        try
        {
            var result = await CliWrap.Cli.Wrap("git")
                .WithArguments(arguments)
                .WithWorkingDirectory(repository)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellation)
                .ConfigureAwait(false);
            return result.ExitCode == 0 && result.StandardOutput.Trim() is { Length: > 0 } text ? text : null;
        }
        catch (CliWrap.Exceptions.CliWrapException)
        {
            return null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
    }
}
