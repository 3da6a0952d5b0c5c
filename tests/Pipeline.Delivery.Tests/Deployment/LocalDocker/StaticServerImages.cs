using System.Diagnostics;

namespace Pipeline.Delivery.Tests.Deployment.LocalDocker;

/// <summary>
/// Tiny images for deployment tests: a static Go HTTP server (standard library only, so it builds
/// offline) in a <c>FROM scratch</c> image that answers "staging &lt;version&gt;" followed by
/// <c>$GREETING</c>, and exits a second after starting when <c>$EXIT_SOON</c> is set. Its <c>/health</c>
/// answers 200 "ok", or 503 "database unreachable" once it has answered <c>$HEALTHY_REQUESTS</c> times
/// (an application that passes its first check, then breaks under traffic). Removed on dispose.
/// </summary>
public sealed class StaticServerImages : IDisposable
{
    public const int Port = 8080;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pipeline-docker-tests", Guid.NewGuid().ToString("N")[..10]);
    private readonly List<string> _images = [];

    public string Repository { get; } = "pipeline-test/staging-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Builds <c>Repository:version</c>; each version is a different binary, so a different image id.</summary>
    public ImageReference Build(string version)
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "go.mod"), "module staging\n\ngo 1.19\n");
        File.WriteAllText(Path.Combine(_directory, "main.go"), $$"""
            package main

            import (
                "fmt"
                "net/http"
                "os"
                "strconv"
                "sync/atomic"
                "time"
            )

            func main() {
                greeting := os.Getenv("GREETING")
                if os.Getenv("EXIT_SOON") != "" {
                    go func() {
                        time.Sleep(time.Second)
                        fmt.Println("exiting as EXIT_SOON asks")
                        os.Exit(3)
                    }()
                }
                healthy, _ := strconv.ParseInt(os.Getenv("HEALTHY_REQUESTS"), 10, 64)
                var checks int64
                http.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
                    if n := atomic.AddInt64(&checks, 1); healthy > 0 && n > healthy {
                        w.WriteHeader(http.StatusServiceUnavailable)
                        fmt.Fprint(w, "database unreachable")
                        return
                    }
                    fmt.Fprint(w, "ok")
                })
                http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
                    fmt.Fprint(w, "staging {{version}}"+greeting)
                })
                if err := http.ListenAndServe(":{{Port}}", nil); err != nil {
                    panic(err)
                }
            }
            """);
        // A unique first step: two tests building the same binary would otherwise share the classic
        // builder's intermediate images, and one removing its image pulls them from under the other's build.
        File.WriteAllText(Path.Combine(_directory, "Dockerfile"), $"FROM scratch\nLABEL test.build={Guid.NewGuid():N}\nCOPY server /server\nEXPOSE 8080\nENTRYPOINT [\"/server\"]\n");
        Run(_directory, ("CGO_ENABLED", "0"), "go", "build", "-o", "server", ".");
        var image = $"{Repository}:{version}";
        try
        {
            Run(_directory, ("DOCKER_BUILDKIT", "0"), "docker", "build", "--quiet", "--tag", image, ".");
        }
        catch (InvalidOperationException e) when (e.Message.Contains("unable to find image", StringComparison.Ordinal))
        {
            // The classic builder can lose a step's image while other tests build and remove theirs
            // side by side (seen twice in CI with unique steps); what the tests check starts after the build.
            Run(_directory, ("DOCKER_BUILDKIT", "0"), "docker", "build", "--quiet", "--tag", image, ".");
        }

        _images.Add(image);
        return ImageReference.Parse(image);
    }

    public static string Run(string directory, (string Name, string Value) variable, string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[variable.Name] = variable.Value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} failed: {error}");
        }

        return output.Result.Trim();
    }

    public static string Docker(params string[] arguments) => Run(Path.GetTempPath(), ("DOCKER_CLI_HINTS", "false"), "docker", arguments);

    public void Dispose()
    {
        foreach (var image in _images)
        {
            try
            {
                Docker("rmi", "--force", "--no-prune", image); // keeps step images another build may be reusing
            }
            catch (InvalidOperationException)
            {
                // Still used by a container a failed test left; the engine keeps it, nothing else breaks.
            }
        }

        Directory.Delete(_directory, recursive: true);
    }
}
