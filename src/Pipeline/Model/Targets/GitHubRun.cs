using System.Globalization;
using System.Text.Json;

namespace Pipeline;

/// <summary>
/// What a GitHub Actions run says about itself in the runner's default variables (<c>GITHUB_EVENT_NAME</c>,
/// <c>GITHUB_REF</c>, <c>GITHUB_SHA</c>, <c>GITHUB_REPOSITORY</c>, …), read once per run: targets get it
/// as <see cref="TargetContext.GitHub"/> and conditions are decided from it. A variable that is unset
/// or empty is null here, so on a laptop nearly everything is null; setting variables by hand (say
/// <c>GITHUB_EVENT_NAME=pull_request</c>) replays a CI run's facts locally.
/// </summary>
public sealed record GitHubRun
{
    private static readonly Uri PublicServer = new("https://github.com");
    private static readonly Uri PublicApi = new("https://api.github.com");

    /// <summary>A run with no GitHub variables at all: a laptop.</summary>
    public static GitHubRun None { get; } = new();

    /// <summary>Whether the run is under GitHub Actions (<c>GITHUB_ACTIONS=true</c>).</summary>
    public bool IsActions { get; init; }

    /// <summary><c>GITHUB_EVENT_NAME</c>: <c>push</c>, <c>pull_request</c>, <c>workflow_dispatch</c>…</summary>
    public string? EventName { get; init; }

    /// <summary><c>GITHUB_REF</c>: <c>refs/heads/main</c>, <c>refs/tags/v1.2.3</c>, <c>refs/pull/7/merge</c>.</summary>
    public string? Ref { get; init; }

    /// <summary><c>GITHUB_SHA</c>: the commit the run is for.</summary>
    public string? Sha { get; init; }

    /// <summary><c>GITHUB_REPOSITORY</c>: <c>owner/name</c>.</summary>
    public string? Repository { get; init; }

    /// <summary><c>GITHUB_REPOSITORY_OWNER</c>, else the owner part of <see cref="Repository"/>.</summary>
    public string? RepositoryOwner { get; init; }

    /// <summary>The name part of <see cref="Repository"/>.</summary>
    public string? RepositoryName { get; init; }

    /// <summary><c>GITHUB_ACTOR</c>: who started the run.</summary>
    public string? Actor { get; init; }

    /// <summary><c>GITHUB_WORKFLOW</c>.</summary>
    public string? Workflow { get; init; }

    /// <summary><c>GITHUB_JOB</c>: the job's id.</summary>
    public string? Job { get; init; }

    /// <summary><c>GITHUB_RUN_ID</c>.</summary>
    public string? RunId { get; init; }

    /// <summary><c>GITHUB_RUN_ATTEMPT</c>: 1, then 2… when the run is re-run.</summary>
    public int? RunAttempt { get; init; }

    /// <summary><c>GITHUB_HEAD_REF</c>: a pull request's head branch.</summary>
    public string? HeadRef { get; init; }

    /// <summary><c>GITHUB_BASE_REF</c>: a pull request's base branch.</summary>
    public string? BaseRef { get; init; }

    /// <summary><c>GITHUB_EVENT_PATH</c>: the file holding the event's payload.</summary>
    public string? EventPath { get; init; }

    /// <summary><c>GITHUB_STEP_SUMMARY</c>: the file behind the job's summary page.</summary>
    public string? StepSummaryPath { get; init; }

    /// <summary><c>GITHUB_OUTPUT</c>: the file a step writes its outputs to (the engine writes the targets' outputs there).</summary>
    internal string? OutputPath { get; init; }

    /// <summary><c>GITHUB_WORKSPACE</c>: where the repository is checked out.</summary>
    public string? Workspace { get; init; }

    /// <summary><c>GITHUB_SERVER_URL</c>, by default <c>https://github.com</c>.</summary>
    public Uri ServerUrl { get; init; } = PublicServer;

    /// <summary><c>GITHUB_API_URL</c>, by default <c>https://api.github.com</c>.</summary>
    public Uri ApiUrl { get; init; } = PublicApi;

    /// <summary>The pull request the run is for: from the event's payload, else from a <c>refs/pull/N/…</c> ref.</summary>
    public int? PullRequestNumber { get; init; }

    /// <summary>The branch the run is for: <c>refs/heads/B</c> is B; a pull request's is its head branch.</summary>
    public string? Branch => IsPullRequestRef && HeadRef is not null ? HeadRef : After("refs/heads/");

    /// <summary>The tag the run is for (<c>refs/tags/v1.2.3</c> is <c>v1.2.3</c>); null when none.</summary>
    public string? Tag => After("refs/tags/");

    /// <summary>The repository's page, <c>https://github.com/owner/name</c>; null without <see cref="Repository"/>.</summary>
    public Uri? RepositoryUrl => Repository is null ? null : new Uri(ServerUrl, Repository);

    /// <summary>The run's page; null without <see cref="Repository"/> or <see cref="RunId"/>.</summary>
    public Uri? RunUrl => Repository is null || RunId is null ? null : new Uri(ServerUrl, $"{Repository}/actions/runs/{RunId}");

    private bool IsPullRequestRef => Ref?.StartsWith("refs/pull/", StringComparison.Ordinal) == true;

    /// <summary>Reads the run's variables (and, for the pull request's number, its event payload).</summary>
    public static GitHubRun From(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string? Value(string name) => variables.GetValueOrDefault(name) is { Length: > 0 } value ? value : null;

        var repository = Value("GITHUB_REPOSITORY");
        var parts = repository?.Split('/') is [{ Length: > 0 } owner, { Length: > 0 } name] ? (Owner: owner, Name: name) : default;
        var gitRef = Value("GITHUB_REF");
        var eventPath = Value("GITHUB_EVENT_PATH");
        return new GitHubRun
        {
            IsActions = Value("GITHUB_ACTIONS") == "true",
            EventName = Value("GITHUB_EVENT_NAME"),
            Ref = gitRef,
            Sha = Value("GITHUB_SHA"),
            Repository = parts.Owner is null ? null : repository,
            RepositoryOwner = Value("GITHUB_REPOSITORY_OWNER") ?? parts.Owner,
            RepositoryName = parts.Name,
            Actor = Value("GITHUB_ACTOR"),
            Workflow = Value("GITHUB_WORKFLOW"),
            Job = Value("GITHUB_JOB"),
            RunId = Value("GITHUB_RUN_ID"),
            RunAttempt = int.TryParse(Value("GITHUB_RUN_ATTEMPT"), NumberStyles.None, CultureInfo.InvariantCulture, out var attempt) ? attempt : null,
            HeadRef = Value("GITHUB_HEAD_REF"),
            BaseRef = Value("GITHUB_BASE_REF"),
            EventPath = eventPath,
            StepSummaryPath = Value("GITHUB_STEP_SUMMARY"),
            OutputPath = Value("GITHUB_OUTPUT"),
            Workspace = Value("GITHUB_WORKSPACE"),
            ServerUrl = DirectoryUri(Value("GITHUB_SERVER_URL")) ?? PublicServer,
            ApiUrl = DirectoryUri(Value("GITHUB_API_URL")) ?? PublicApi,
            PullRequestNumber = PullRequestFromPayload(eventPath) ?? PullRequestFromRef(gitRef),
        };
    }

    private string? After(string prefix) =>
        Ref is { } gitRef && gitRef.StartsWith(prefix, StringComparison.Ordinal) && gitRef.Length > prefix.Length ? gitRef[prefix.Length..] : null;

    /// <summary>An absolute http(s) address with a trailing slash, so relative paths append to it (GHES: <c>…/api/v3/</c>).</summary>
    private static Uri? DirectoryUri(string? text) =>
        Uri.TryCreate(text is null || text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri : null;

    private static int? PullRequestFromPayload(string? eventPath)
    {
        if (eventPath is null || !File.Exists(eventPath))
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(File.ReadAllText(eventPath));
            return payload.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.TryGetProperty("pull_request", out var pullRequest)
                && pullRequest.ValueKind == JsonValueKind.Object
                && pullRequest.TryGetProperty("number", out var number)
                && number.TryGetInt32(out var value)
                ? value
                : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int? PullRequestFromRef(string? gitRef) =>
        gitRef?.Split('/') is ["refs", "pull", var number, "merge" or "head"] && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
