using System.Diagnostics;

namespace Pipeline.Delivery.Tests.Deployment.GitOps;

/// <summary>A bare repository in a temp directory standing in for the GitOps remote, and git run directly for setup and checks.</summary>
public sealed class GitRepositories : IDisposable
{
    public GitRepositories()
    {
        Directory.CreateDirectory(Root);
        Git(Root, "init", "--quiet", "--bare", "--initial-branch=main", Remote);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pipeline-gitops-tests", Guid.NewGuid().ToString("N")[..10]);

    public string Remote => Path.Combine(Root, "remote.git");

    /// <summary>Commits files in a fresh clone of the remote's main branch (or the first commit) and pushes.</summary>
    public void CommitUpstream(string message, params (string Path, string Content)[] files)
    {
        var clone = Path.Combine(Root, "upstream-" + Guid.NewGuid().ToString("N")[..6]);
        Git(Root, "init", "--quiet", "--initial-branch=main", clone);
        Git(clone, "remote", "add", "origin", Remote);
        if (Git(Remote, "branch", "--list", "main").Length > 0)
        {
            Git(clone, "pull", "--quiet", "origin", "main");
        }

        foreach (var (path, content) in files)
        {
            var file = Path.Combine(clone, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }

        Git(clone, "add", "-A");
        Git(clone, "-c", "user.name=Someone Else", "-c", "user.email=else@example.com", "commit", "--quiet", "-m", message);
        Git(clone, "push", "--quiet", "origin", "main");
    }

    public string Show(string path) => Git(Remote, "show", "main:" + path);

    /// <summary>The remote's main branch, newest first: "subject|author|parents".</summary>
    public string[] Log() => Git(Remote, "log", "--format=%s|%an <%ae>|%p", "main").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static string Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
        }

        return output.Result;
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Leave it to the temp folder's cleanup.
        }
    }
}
