using System.Diagnostics;

namespace Pipeline.TestSupport;

/// <summary>
/// Tests that need a tool (docker, go, cargo, node) call these first. On a laptop without the tool
/// the test is skipped with the reason; under <c>CI=true</c> it fails instead, because CI installs
/// every tool the tests use and a skip there would hide a broken install.
/// </summary>
public static class Requirements
{
    public static bool IsCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>Skips (or, in CI, fails) unless <paramref name="executable"/> is on PATH.</summary>
    public static void Tool(string executable)
    {
        if (FindOnPath(executable) is null)
        {
            Unavailable($"{executable} is not on PATH");
        }
    }

    /// <summary>Skips (or, in CI, fails) unless a Docker engine answers <c>docker info</c>.</summary>
    public static void Docker()
    {
        Tool("docker");
        using var info = Process.Start(new ProcessStartInfo("docker", ["info", "--format", "{{.ServerVersion}}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        info.WaitForExit(TimeSpan.FromSeconds(30));
        if (!info.HasExited || info.ExitCode != 0)
        {
            Unavailable("no Docker engine answers `docker info` (start dockerd; .ci/run does)");
        }
    }

    public static void Unavailable(string reason)
    {
        if (IsCi)
        {
            Assert.Fail($"CI=true, so this test must run, but {reason}.");
        }

        Assert.Skip(reason);
    }

    public static string? FindOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, executable))
            .FirstOrDefault(File.Exists);
}
