using System.Diagnostics;

namespace Pipeline.Components.Tests.Services;

/// <summary>Asks the Docker engine which containers carry a label, so tests see what is really left.</summary>
internal static class Docker
{
    public const string TestLabel = "dev.pipeline.test-run";

    public static IReadOnlyList<string> ContainersLabelled(string value)
    {
        using var process = Process.Start(new ProcessStartInfo("docker", ["ps", "--all", "--quiet", "--filter", $"label={TestLabel}={value}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "docker ps failed: " + process.StandardError.ReadToEnd());
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The process's variables, without GitHub's marker: these runs must start their own services.</summary>
    public static Dictionary<string, string> LocalVariables() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => (string)e.Key != "GITHUB_ACTIONS")
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
}
