namespace Pipeline.Tests.Support;

/// <summary>Facts about live processes, read from /proc (the tests that use them run on Linux).</summary>
internal static class LiveProcesses
{
    /// <summary>True while the process exists and is not a zombie (killed but not yet reaped).</summary>
    public static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static async Task<int> ReadPidAsync(AbsolutePath file)
    {
        await Wait.UntilAsync(() => File.Exists(file) && File.ReadAllText(file).Trim().Length > 0, TimeSpan.FromSeconds(20));
        return int.Parse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void SkipUnlessLinux()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("Reads /proc to check process trees: Linux only.");
        }
    }
}
