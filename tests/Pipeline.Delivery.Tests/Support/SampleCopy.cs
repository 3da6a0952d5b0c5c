namespace Pipeline.Delivery.Tests.Support;

/// <summary>A throwaway copy of a sample (sources only, not its build project or outputs), so tests can break it.</summary>
public static class SampleCopy
{
    private static readonly string[] Skipped = ["build", "out", "bin", "obj", "temp", "target", "artifacts", "coverage"];

    public static AbsolutePath Of(string sample)
    {
        var source = WorkflowLint.RepositoryRoot / "samples" / sample;
        var copy = InProcessRun.FreshRoot();
        Copy(new DirectoryInfo(source), copy);
        return copy;
    }

    /// <summary>A copy that is a git repository with one commit on main: image tags come from the commit.</summary>
    public static async Task<AbsolutePath> CommittedAsync(string sample)
    {
        var copy = Of(sample);
        await CommitAsync(copy);
        return copy;
    }

    /// <summary>Makes <paramref name="copy"/> a git repository whose one commit on main holds it as it is now.</summary>
    public static async Task CommitAsync(AbsolutePath copy)
    {
        string[][] commands =
        [
            ["init", "--quiet", "--initial-branch", "main"],
            ["add", "--all"],
            ["-c", "user.name=Pipeline Tests", "-c", "user.email=tests@example.com", "commit", "--quiet", "--message", "The sample"],
        ];
        foreach (var git in commands)
        {
            await Shell.RunAsync("git", ["-C", copy, .. git]);
        }
    }

    /// <summary>Replaces one exact piece of a copied file; fails the test when it is not there.</summary>
    public static void Edit(AbsolutePath file, string find, string replacement)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(find, replacement, StringComparison.Ordinal));
    }

    private static void Copy(DirectoryInfo from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in from.GetFiles())
        {
            file.CopyTo(Path.Combine(to, file.Name));
        }

        foreach (var directory in from.GetDirectories().Where(d => !Skipped.Contains(d.Name)))
        {
            Copy(directory, Path.Combine(to, directory.Name));
        }
    }
}
