namespace Pipeline.TestSupport;

/// <summary>
/// A throwaway folder under the system temp folder, deleted after the test. By default a pipeline
/// root (it holds <c>.nuke/</c>) that tools may rewrite freely; inputs are written or copied in, so
/// no test touches the repository itself.
/// </summary>
public sealed class TempRoot : IDisposable
{
    private static readonly string[] Skipped = ["target", "bin", "obj", "temp"];

    public TempRoot(bool asPipelineRoot = true)
    {
        Path = new AbsolutePath(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pipeline-tests", Guid.NewGuid().ToString("N")[..10]));
        Directory.CreateDirectory(asPipelineRoot ? Path / ".nuke" : Path);
    }

    public AbsolutePath Path { get; }

    public AbsolutePath Write(string relativePath, string content)
    {
        var file = Path / relativePath;
        Directory.CreateDirectory(file.Parent!);
        File.WriteAllText(file, content);
        return file;
    }

    public string Read(string relativePath) => File.ReadAllText(Path / relativePath);

    /// <summary>Copies a directory's sources (not build outputs such as target/, bin/, obj/) into this root.</summary>
    public TempRoot CopyFrom(AbsolutePath source, string relativeDestination = ".")
    {
        foreach (var directory in new DirectoryInfo(source).EnumerateDirectories())
        {
            if (!Skipped.Contains(directory.Name))
            {
                CopyFrom(new AbsolutePath(directory.FullName), System.IO.Path.Combine(relativeDestination, directory.Name));
            }
        }

        var destination = Path / relativeDestination;
        Directory.CreateDirectory(destination);
        foreach (var file in new DirectoryInfo(source).EnumerateFiles())
        {
            file.CopyTo(destination / file.Name, overwrite: true);
        }

        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A tool a failed test left running may still hold a file; the temp folder is fine.
        }
        catch (UnauthorizedAccessException)
        {
            // git and Go's module cache make files read-only; the temp folder is fine.
        }
    }
}
