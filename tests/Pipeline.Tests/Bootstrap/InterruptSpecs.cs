using System.Diagnostics;

namespace Pipeline.Tests.Bootstrap;

/// <summary>
/// SIGINT or SIGTERM to build.sh's process group while it builds the pipeline (as a terminal's Ctrl+C
/// or a CI runner's cancel sends them): it stops with 130, the pipeline never runs, no stamp is written,
/// and nothing it started is left running.
/// </summary>
public sealed class InterruptSpecs : IDisposable
{
    private readonly BootstrapRepository _repository = new();

    public InterruptSpecs()
    {
        // A build that is busy for long enough: it says so, then runs a tool MSBuild must stop too.
        _repository.Write("build/Build.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><AssemblyName>Build</AssemblyName></PropertyGroup>
              <Target Name="Slow" BeforeTargets="CoreCompile">
                <Touch Files="$(MSBuildThisFileDirectory)../building" AlwaysCreate="true" />
                <Exec Command="sleep 300" />
              </Target>
            </Project>
            """);
        _repository.Write("build/Program.cs", "File.WriteAllText(\"ran\", \"a target ran\");");
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_while_the_pipeline_builds_stops_everything_with_130(string signal)
    {
        LiveProcesses.SkipUnlessLinux();
        Requirements.Tool("setsid");
        var script = StartInItsOwnProcessGroup();
        try
        {
            await Wait.UntilAsync(() => _repository.Exists("building") || script.HasExited, TimeSpan.FromMinutes(3));
            if (script.HasExited)
            {
                Assert.Fail("build.sh ended before its build got busy: " + await script.StandardError.ReadToEndAsync());
            }

            Signal(-script.Id, signal);

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await script.WaitForExitAsync(timeout.Token);
            Assert.Equal(130, script.ExitCode);
            Assert.False(_repository.Exists("ran"), "the pipeline ran after the interrupt");
            Assert.False(_repository.Exists(".nuke/temp/build-inputs"), "the stamp was written for an interrupted build");
            await WaitForNoneAsync();
            Assert.Empty(ProcessesOfTheRepository());
        }
        finally
        {
            if (!script.HasExited)
            {
                Signal(-script.Id, "KILL");
            }

            script.Dispose();
        }
    }

    /// <summary>A moment for processes that are exiting; the assertion after it says what is still alive.</summary>
    private async Task WaitForNoneAsync()
    {
        try
        {
            await Wait.UntilAsync(() => ProcessesOfTheRepository().Count == 0, TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>setsid makes build.sh the leader of a process group of its own, so the test can signal all of it.</summary>
    private Process StartInItsOwnProcessGroup()
    {
        var start = new ProcessStartInfo("setsid", [_repository.Path / "build.sh", "Hello"])
        {
            WorkingDirectory = _repository.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("GITHUB_ACTIONS");
        return Process.Start(start)!;
    }

    private static void Signal(int target, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, "--", target.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        kill.WaitForExit();
    }

    /// <summary>Live processes whose command line or PIPELINE_ROOT (build.sh exports it) names the temporary repository.</summary>
    private List<string> ProcessesOfTheRepository()
    {
        var found = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId || !LiveProcesses.IsAlive(pid))
            {
                continue;
            }

            var commandLine = ReadOrEmpty(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
            var root = LiveProcesses.EnvironmentVariable(pid, PipelineEnvironment.RootVariable);
            if (commandLine.Contains(_repository.Path, StringComparison.Ordinal) || root == _repository.Path)
            {
                found.Add($"{pid}: {commandLine}");
            }
        }

        return found;
    }

    private static string ReadOrEmpty(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    public void Dispose() => _repository.Dispose();
}
