namespace Pipeline.Delivery.Tests.Support;

/// <summary>A throwaway copy of a sample (sources, not build outputs), so tests can break it.</summary>
public static class SampleCopy
{
    public static TempRoot Of(string sample) => new TempRoot().CopyFrom(WorkflowLint.RepositoryRoot / "samples" / sample);

    /// <summary>A copy that is a git repository with one commit on main: image tags come from the commit.</summary>
    public static async Task<TempRoot> CommittedAsync(string sample)
    {
        var copy = Of(sample);
        await CommitAsync(copy);
        return copy;
    }

    /// <summary>Makes <paramref name="copy"/> a git repository whose one commit on main holds it as it is now.</summary>
    public static async Task CommitAsync(TempRoot copy)
    {
        string[][] commands =
        [
            ["init", "--quiet", "--initial-branch", "main"],
            ["add", "--all"],
            ["-c", "user.name=Pipeline Tests", "-c", "user.email=tests@example.com", "commit", "--quiet", "--message", "The sample"],
        ];
        foreach (var git in commands)
        {
            await Shell.RunAsync("git", ["-C", copy.Path, .. git]);
        }
    }

    /// <summary>Replaces one exact piece of a copied file; fails the test when it is not there.</summary>
    public static void Edit(AbsolutePath file, string find, string replacement)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(find, replacement, StringComparison.Ordinal));
    }
}
