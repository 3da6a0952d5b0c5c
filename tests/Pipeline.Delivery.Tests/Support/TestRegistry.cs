using System.Diagnostics;
using System.Net;

namespace Pipeline.Delivery.Tests.Support;

/// <summary>
/// A real registry (Debian's <c>docker-registry</c>) on 127.0.0.1 for one test: with htpasswd basic
/// auth when users are given, anonymous otherwise. Stopped and deleted on dispose.
/// </summary>
public sealed class TestRegistry : IAsyncDisposable
{
    private readonly string _directory;
    private Process? _process;

    private TestRegistry(int port, string directory)
    {
        Port = port;
        _directory = directory;
    }

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    /// <summary>Starts one now; <paramref name="users"/> are (name, password) pairs for htpasswd.</summary>
    public static async Task<TestRegistry> StartAsync(params (string User, string Password)[] users)
    {
        var registry = Create(users);
        await registry.StartAsync();
        return registry;
    }

    /// <summary>Configured on a free port but not yet started: for tests of a registry that comes up late.</summary>
    public static TestRegistry Create(params (string User, string Password)[] users)
    {
        Requirements.Tool("docker-registry");
        var directory = Path.Combine(Path.GetTempPath(), "pipeline-test-registry", Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        var registry = new TestRegistry(FakeHttpServer.FreePort(), directory);
        var auth = "";
        if (users.Length > 0)
        {
            Requirements.Tool("htpasswd");
            var lines = users.Select(u => HtpasswdLine(u.User, u.Password));
            File.WriteAllLines(Path.Combine(directory, "htpasswd"), lines);
            auth = $"""
                auth:
                  htpasswd:
                    realm: pipeline-tests
                    path: {Path.Combine(directory, "htpasswd")}
                """;
        }

        File.WriteAllText(Path.Combine(directory, "config.yml"), $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Path.Combine(directory, "data")}
            http:
              addr: 127.0.0.1:{registry.Port}
            {auth}
            """);
        return registry;
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", "exec docker-registry serve \"$0\" >\"$1\" 2>&1 </dev/null", Path.Combine(_directory, "config.yml"), Path.Combine(_directory, "registry.log")]);
        _process = Process.Start(start)!;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://{Host}/v2/"), TestContext.Current.CancellationToken);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"The test registry did not answer on {Host}: {File.ReadAllText(Path.Combine(_directory, "registry.log"))}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string HtpasswdLine(string user, string password)
    {
        // The password goes to htpasswd on stdin (-i), not on its command line.
        using var process = Process.Start(new ProcessStartInfo("htpasswd", ["-B", "-n", "-i", user])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.StandardInput.Write(password);
        process.StandardInput.Close();
        var line = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && line.StartsWith(user + ":", StringComparison.Ordinal), "htpasswd failed: " + process.StandardError.ReadToEnd());
        return line;
    }
}
