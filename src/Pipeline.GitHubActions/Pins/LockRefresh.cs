using System.Text.RegularExpressions;

namespace Pipeline.GitHubActions;

/// <summary>
/// <c>./build.sh --update-actions [owner/repo@tag | image:tag]…</c>: resolves every entry of the
/// repository's <c>.nuke/actions.lock.json</c> again (a tag may have moved) and the references named
/// (added to it), then rewrites the file. Nothing is written when one fails.
/// </summary>
internal sealed partial class LockRefresh(GitHubTags tags, RegistryDigests registries)
{
    public async Task<IReadOnlyList<string>> UpdateAsync(AbsolutePath root, IReadOnlyList<string> references, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(references);
        var current = ActionLockFile.ReadRepository(root) ?? ActionLock.Empty;
        var actions = current.Actions.SelectMany(a => a.Value.Keys.Select(tag => (Action: a.Key, Tag: tag))).ToList();
        var images = current.Images.Keys.ToList();
        foreach (var reference in references)
        {
            if (ActionAtTag().Match(reference) is { Success: true } action)
            {
                actions.Add((action.Groups[1].Value, action.Groups[2].Value));
            }
            else if (ImagePins.TagOf(reference) is not null && !reference.Contains('@', StringComparison.Ordinal))
            {
                images.Add(reference);
            }
            else
            {
                throw new UsageException($"--update-actions takes owner/repo@tag (an action) or name:tag (an image), got '{reference}'.");
            }
        }

        if (actions.Count == 0 && images.Count == 0)
        {
            throw new UsageException($"{ActionLock.RelativePath} locks nothing yet: name what to lock, e.g. {ActionLock.UpdateCommand} docker/login-action@v3.");
        }

        var lines = new List<string>();
        var locked = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in actions.Distinct().GroupBy(a => a.Action, StringComparer.OrdinalIgnoreCase))
        {
            var shas = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (action, tag) in group)
            {
                var sha = await tags.CommitOfAsync(ActionLock.RepositoryOf(action), tag, cancellationToken).ConfigureAwait(false);
                shas[tag] = sha;
                lines.Add(Line($"{action}@{tag}", current.Actions.GetValueOrDefault(action)?.GetValueOrDefault(tag), sha));
            }

            locked[group.Key] = shas;
        }

        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in images.Distinct(StringComparer.Ordinal))
        {
            digests[image] = await registries.DigestOfAsync(image, cancellationToken).ConfigureAwait(false);
            lines.Add(Line(image, current.Images.GetValueOrDefault(image), digests[image]));
        }

        var path = root / ActionLock.RelativePath;
        Directory.CreateDirectory(path.Parent!);
        await File.WriteAllTextAsync(path, ActionLockFile.Write(new ActionLock(locked, digests)), cancellationToken).ConfigureAwait(false);
        lines.Add($"wrote {ActionLock.RelativePath}; run ./build.sh --generate to write the workflows with it.");
        return lines;
    }

    private static string Line(string what, string? before, string now) =>
        before is null ? $"locked {what} to {now}"
        : before == now ? $"{what} is still {now}"
        : $"moved {what} from {before} to {now}";

    [GeneratedRegex(@"^([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_./-]+)?)@([^@\s]+)$")]
    private static partial Regex ActionAtTag();
}
