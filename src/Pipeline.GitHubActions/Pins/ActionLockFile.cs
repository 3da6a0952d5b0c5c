using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Pipeline.Generation;

namespace Pipeline.GitHubActions;

/// <summary>
/// <c>.nuke/actions.lock.json</c> as JSON: <c>{"actions": {"owner/repo": {"tag": "sha"}}, "images":
/// {"name:tag": "sha256:…"}}</c>. A file that does not parse, or holds something that is not a commit
/// or a digest, is refused in one line naming the file and line.
/// </summary>
internal static class ActionLockFile
{
    private const string DefaultsResource = "Pipeline.GitHubActions.default-actions.lock.json";

    public static ActionLock ReadDefaults()
    {
        using var stream = typeof(ActionLockFile).Assembly.GetManifestResourceStream(DefaultsResource)
            ?? throw new InvalidOperationException($"The resource {DefaultsResource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "the default action lock");
    }

    /// <summary>The repository's lock over the defaults; the defaults alone when the repository has none.</summary>
    public static ActionLock ReadFor(AbsolutePath root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return ReadRepository(root) is { } repository ? ActionLock.Defaults.Over(repository) : ActionLock.Defaults;
    }

    /// <summary>The repository's own lock file, or null when it has none.</summary>
    public static ActionLock? ReadRepository(AbsolutePath root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var path = root / ActionLock.RelativePath;
        return File.Exists(path) ? Parse(File.ReadAllText(path), ActionLock.RelativePath) : null;
    }

    public static ActionLock Parse(string json, string file)
    {
        LockDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, LockJson.Default.LockDocument);
        }
        catch (JsonException e)
        {
            throw new UsageException($"{file} line {(e.LineNumber ?? 0) + 1}: not an action lock ({FirstSentence(e.Message)}). Fix it, or delete it and run {ActionLock.UpdateCommand}.");
        }

        var actions = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (action, tags) in document?.Actions ?? [])
        {
            foreach (var (tag, sha) in tags.Where(t => !Identifiers.IsCommitSha(t.Value)))
            {
                throw new UsageException($"{file} line {LineOf(json, sha)}: {action} {tag} is locked to '{sha}', which is not a full 40-character lowercase commit SHA.");
            }

            actions[action] = new Dictionary<string, string>(tags, StringComparer.Ordinal);
        }

        foreach (var (image, digest) in (document?.Images ?? []).Where(i => !ActionLock.IsDigest(i.Value)))
        {
            throw new UsageException($"{file} line {LineOf(json, digest)}: the image {image} is locked to '{digest}', which is not a digest (sha256: and 64 hex digits).");
        }

        return new ActionLock(actions, new Dictionary<string, string>(document?.Images ?? [], StringComparer.Ordinal));
    }

    /// <summary>The lock as the file holds it: keys sorted, so a refresh changes only the lines that changed.</summary>
    public static string Write(ActionLock actionLock)
    {
        ArgumentNullException.ThrowIfNull(actionLock);
        var actions = new JsonObject();
        foreach (var (action, tags) in actionLock.Actions.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var entry = new JsonObject();
            foreach (var (tag, sha) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                entry[tag] = sha;
            }

            actions[action] = entry;
        }

        var images = new JsonObject();
        foreach (var (image, digest) in actionLock.Images.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            images[image] = digest;
        }

        return JsonText.Write(new JsonObject { ["actions"] = actions, ["images"] = images });
    }

    private static int LineOf(string json, string value)
    {
        var at = json.IndexOf($"\"{value}\"", StringComparison.Ordinal);
        return at < 0 ? 1 : json.AsSpan(0, at).Count('\n') + 1;
    }

    private static string FirstSentence(string message) =>
        message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
}

internal sealed record LockDocument(
    [property: JsonPropertyName("actions")] Dictionary<string, Dictionary<string, string>>? Actions,
    [property: JsonPropertyName("images")] Dictionary<string, string>? Images);

[JsonSourceGenerationOptions(UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(LockDocument))]
internal sealed partial class LockJson : JsonSerializerContext;
