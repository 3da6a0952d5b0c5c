namespace Pipeline.TestSupport;

/// <summary>A throwaway folder under the system temp folder, deleted after the test; a pipeline root when it holds <c>.nuke/</c>.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(bool asPipelineRoot = true)
    {
        Path = new AbsolutePath(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pipeline-tests", Guid.NewGuid().ToString("N")[..10]));
        Directory.CreateDirectory(asPipelineRoot ? Path / ".nuke" : Path);
    }

    public AbsolutePath Path { get; }

    /// <summary>Writes a file (folders made as needed) and returns its path.</summary>
    public AbsolutePath Write(string relativePath, string content)
    {
        var file = Path / relativePath;
        Directory.CreateDirectory(file.Parent!);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process a failed test left behind may still hold a file; the temp folder is fine.
        }
        catch (UnauthorizedAccessException)
        {
            // Go's module cache marks files read-only; the temp folder is fine.
        }
    }
}
