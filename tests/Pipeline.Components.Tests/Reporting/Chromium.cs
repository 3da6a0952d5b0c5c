using System.Diagnostics;

namespace Pipeline.Components.Tests.Reporting;

/// <summary>
/// Debian's chromium, headless: what a page shows once a real browser has parsed it (<c>--dump-dom</c>),
/// and how it looks (<c>--screenshot</c>). A profile of its own per call, so runs side by side do not meet.
/// </summary>
internal static class Chromium
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>Skips on a laptop without chromium; fails under CI=true, which installs it (.ci/install/60-chromium.sh).</summary>
    public static void Require() => Requirements.Tool("chromium");

    public static async Task<string> DumpDomAsync(string file, TempRoot scratch) =>
        await RunAsync(scratch, "--dump-dom", new Uri(file).AbsoluteUri);

    public static async Task ScreenshotAsync(string file, string png, TempRoot scratch, int width = 1280, int height = 900) =>
        await RunAsync(scratch, $"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(file).AbsoluteUri);

    private static async Task<string> RunAsync(TempRoot scratch, params string[] arguments)
    {
        var profile = scratch.Path / "chromium-profile" / Guid.NewGuid().ToString("N")[..8];
        var start = new ProcessStartInfo("chromium")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // --no-sandbox: CI runs the tests as root, where chromium's sandbox refuses to start.
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium did not finish within {Limit.TotalSeconds} s: {await error}");
        }

        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
