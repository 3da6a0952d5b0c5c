namespace Pipeline.Delivery;

/// <summary>
/// A private <c>DOCKER_CONFIG</c> for one push: <c>docker login</c> writes its credentials here, not
/// into <c>~/.docker</c>, and disposing deletes them. Only the owner can read it.
/// </summary>
internal sealed class DockerConfigDirectory : IDisposable
{
    public const string Variable = "DOCKER_CONFIG";

    public DockerConfigDirectory()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pipeline-docker-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Path = new AbsolutePath(path);
    }

    public AbsolutePath Path { get; }

    /// <summary>The command with <c>DOCKER_CONFIG</c> pointing here.</summary>
    public ToolCommand Apply(ToolCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.WithEnvironment(Variable, Path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }
}
