namespace Pipeline;

/// <summary>
/// What a <see cref="Condition"/> is evaluated against, taken from the run's <see cref="GitHubRun"/>.
/// In GitHub Actions the runner sets <c>GITHUB_EVENT_NAME</c> and <c>GITHUB_REF</c>, so a job
/// evaluates exactly what its <c>if:</c> said; on a laptop the event is <c>local</c> and the ref is
/// the checked-out branch. Setting the two variables by hand replays a CI decision locally.
/// </summary>
/// <param name="EventName">GitHub's event name: <c>push</c>, <c>pull_request</c>, … or <c>local</c>.</param>
/// <param name="Ref">The full ref: <c>refs/heads/main</c>, <c>refs/tags/v1.2</c>; "" when unknown (detached HEAD).</param>
/// <param name="UpstreamFailed">Whether a target this one follows failed (only status conditions read it).</param>
public sealed record ConditionFacts(string EventName, string Ref, bool UpstreamFailed = false)
{
    // Shared, so that two facts read from the same run compare equal.
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    public static ConditionFacts Local { get; } = new(RunEventNames.Of(RunEvent.Local), "");

    /// <summary>The run's environment: <c>env.*</c>, <c>vars.*</c>, the runner's <c>GITHUB_*</c> and <c>RUNNER_*</c> variables.</summary>
    internal IReadOnlyDictionary<string, string> Variables { get; init; } = NoVariables;

    /// <summary>The pipeline's root, where <c>hashFiles</c> patterns start; null when unknown.</summary>
    internal AbsolutePath? Workspace { get; init; }

    /// <summary>A declared parameter's value as text (for <c>inputs.*</c>, and <c>vars.*</c> of a parameter read from one).</summary>
    internal Func<IParameter, string?> ParameterText { get; init; } = _ => null;

    /// <summary>Every declared parameter, so that <c>vars.NAME</c> finds the one whose variable is NAME.</summary>
    internal IReadOnlyCollection<IParameter> Parameters { get; init; } = [];

    public static ConditionFacts From(GitHubRun run, AbsolutePath root)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ConditionFacts(run.EventName ?? Local.EventName, run.Ref ?? CheckedOutRef(root) ?? "");
    }

    /// <summary>
    /// The branch HEAD points at, read from the files (no git process: planning stays fast). The
    /// pipeline's root may be a subfolder of the checkout, so the nearest <c>.git</c> at or above it
    /// is the repository's.
    /// </summary>
    private static string? CheckedOutRef(AbsolutePath root)
    {
        try
        {
            return GitDirectory(root) is { } git && File.Exists(Path.Combine(git, "HEAD"))
                && File.ReadAllText(Path.Combine(git, "HEAD")).Trim() is var head
                && head.StartsWith("ref: ", StringComparison.Ordinal)
                    ? head["ref: ".Length..]
                    : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null; // a folder above the root we may not read: no branch, as outside a checkout
        }
    }

    /// <summary>The git directory of the checkout enclosing <paramref name="root"/>, or null outside one.</summary>
    private static string? GitDirectory(AbsolutePath root)
    {
        for (var folder = new DirectoryInfo(root); folder is not null; folder = folder.Parent)
        {
            var git = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(git))
            {
                return git;
            }

            if (File.Exists(git))
            {
                // A worktree or submodule: .git is a file saying where the real git directory is.
                var pointer = File.ReadAllText(git).Trim();
                return pointer.StartsWith("gitdir:", StringComparison.Ordinal)
                    ? Path.GetFullPath(pointer["gitdir:".Length..].Trim(), folder.FullName)
                    : null;
            }
        }

        return null;
    }
}
