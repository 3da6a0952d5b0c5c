namespace Pipeline.Delivery.Tests.Support;

/// <summary>A throwaway directory with a <c>.nuke/</c> folder (a pipeline root), deleted after the test.</summary>
public sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Path = new AbsolutePath(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pipeline-delivery-tests", Guid.NewGuid().ToString("N")[..10]));
        Directory.CreateDirectory(Path / ".nuke");
    }

    public AbsolutePath Path { get; }

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
            // git makes its object files read-only; the temp folder is fine.
        }
    }
}
