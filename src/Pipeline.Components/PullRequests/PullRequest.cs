using System.Globalization;
using System.Text.Json;

namespace Pipeline.Components.PullRequests;

/// <summary>The pull request a GitHub Actions run is for, and the API that serves its repository.</summary>
public sealed record PullRequest(string Owner, string Repository, int Number, Uri ApiUrl)
{
    private static readonly Uri PublicApi = new("https://api.github.com/");

    /// <summary>
    /// Reads the run's variables: <c>GITHUB_REPOSITORY</c>, the number from the event payload at
    /// <c>GITHUB_EVENT_PATH</c> or else from <c>GITHUB_REF</c> (<c>refs/pull/N/merge</c>), and
    /// <c>GITHUB_API_URL</c>. Null when the run is not under GitHub Actions or not for a pull request.
    /// </summary>
    public static PullRequest? Detect(IReadOnlyDictionary<string, string> variables)
    {
        if (variables.GetValueOrDefault("GITHUB_ACTIONS") != "true"
            || variables.GetValueOrDefault("GITHUB_REPOSITORY")?.Split('/') is not [{ Length: > 0 } owner, { Length: > 0 } repository]
            || (NumberFromEvent(variables.GetValueOrDefault("GITHUB_EVENT_PATH")) ?? NumberFromRef(variables.GetValueOrDefault("GITHUB_REF"))) is not { } number)
        {
            return null;
        }

        var api = variables.GetValueOrDefault("GITHUB_API_URL") is { Length: > 0 } url ? new Uri(url) : PublicApi;
        return new PullRequest(owner, repository, number, api);
    }

    public override string ToString() => $"{Owner}/{Repository}#{Number}";

    private static int? NumberFromEvent(string? eventPath)
    {
        if (string.IsNullOrEmpty(eventPath) || !File.Exists(eventPath))
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(File.ReadAllText(eventPath));
            return payload.RootElement.TryGetProperty("pull_request", out var pr) && pr.TryGetProperty("number", out var number) && number.TryGetInt32(out var value)
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? NumberFromRef(string? gitRef) =>
        gitRef?.Split('/') is ["refs", "pull", var number, "merge" or "head"] && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
