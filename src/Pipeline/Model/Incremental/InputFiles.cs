using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Pipeline;

/// <summary>
/// The files globs match, relative to the root with '/' separators, in ordinal order: a target's
/// file inputs, and the files a local <c>hashFiles(…)</c> hashes.
/// </summary>
internal static class InputFiles
{
    // The engine's own state changes on every run: a glob such as "**/*" must never see it.
    private const string EngineState = ".nuke/temp/**";

    public static IReadOnlyList<string> Match(AbsolutePath root, IEnumerable<FileInput> globs)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var directory = new DirectoryInfoWrapper(new DirectoryInfo(root));
        foreach (var glob in globs)
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(glob.Include);
            matcher.AddExclude(EngineState);
            foreach (var exclude in glob.Exclude)
            {
                matcher.AddExclude(exclude);
            }

            files.UnionWith(matcher.Execute(directory).Files.Select(f => f.Path));
        }

        return [.. files];
    }
}
