namespace Pipeline.Delivery;

/// <summary>
/// One deploy per environment at a time on this machine: a file lock on
/// <c>.nuke/temp/deploy/&lt;environment&gt;.lock</c>, held while the deploy runs, so two runs deploying
/// the same environment (two terminals, two worktrees of one checkout) take turns instead of both
/// replacing the same container. The operating system releases it if the holder dies.
/// </summary>
internal sealed class DeploymentLock : IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);
    private readonly FileStream _file;

    private DeploymentLock(FileStream file) => _file = file;

    /// <summary>Waits (on the run's clock, until cancelled) for the lock of <paramref name="environment"/>, then holds it until disposed.</summary>
    public static async Task<DeploymentLock> AcquireAsync(AbsolutePath root, string environment, TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(context);
        var directory = root / ".nuke" / "temp" / "deploy";
        Directory.CreateDirectory(directory);
        var invalid = Path.GetInvalidFileNameChars();
        var name = new string([.. environment.Select(c => invalid.Contains(c) ? '_' : c)]);
        var path = directory / (name + ".lock");
        var waited = false;
        while (true)
        {
            try
            {
                return new DeploymentLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                if (!waited)
                {
                    context.Log.Info($"Another deploy to {environment} is running on this machine; waiting for it to finish ({path})");
                    waited = true;
                }

                await Task.Delay(RetryInterval, context.Clock, context.Cancellation).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
