using System.Diagnostics;

namespace Pipeline.Tests.Packaging;

/// <summary>
/// Packs every package once per test class into a folder feed, from a copy of the sources (so the
/// repository's own bin/obj are never touched), with a version no earlier run used: a package left in
/// the NuGet cache by another run can never stand in for this one.
/// </summary>
public sealed class PackageFeed : IAsyncLifetime
{
    private static readonly string[] Projects =
    [
        "src/Pipeline/Pipeline.csproj",
        "src/Pipeline.GitHubActions/Pipeline.GitHubActions.csproj",
        "src/Pipeline.Components/Pipeline.Components.csproj",
        "src/Pipeline.Delivery/Pipeline.Delivery.csproj",
        "templates/Pipeline.Templates/Pipeline.Templates.csproj",
    ];

    private readonly TempRoot _work = new(asPipelineRoot: false);

    public string Version { get; } = $"0.0.1-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public AbsolutePath Feed => _work.Path / "feed";

    /// <summary>A template hive of its own, so the user's installed templates are untouched.</summary>
    public AbsolutePath Hive => _work.Path / "hive";

    public async ValueTask InitializeAsync()
    {
        var repository = WorkflowLint.RepositoryRoot;
        var sources = _work.Path / "sources";
        _work.CopyFrom(repository / "src", "sources/src").CopyFrom(repository / "templates", "sources/templates");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "LICENSE", "build.sh", "build.ps1", "build.cmd" })
        {
            File.Copy(repository / file, sources / file);
        }

        foreach (var project in Projects)
        {
            // The copy is no git repository: no commit for SourceLink to record, which is expected here.
            var pack = await Shell.RunAsync(sources, "dotnet", ["pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-p:EnableSourceControlManagerQueries=false", "-nologo"]);
            Assert.True(pack.ExitCode == 0, $"dotnet pack {project} failed:\n{pack.Output}");
        }

        var install = await Shell.RunAsync(sources, "dotnet", ["new", "install", $"Pipeline.Templates::{Version}", "--add-source", Feed, "--debug:custom-hive", Hive]);
        Assert.True(install.ExitCode == 0, $"dotnet new install failed:\n{install.Output}");
    }

    /// <summary>A fresh git repository whose nuget.config adds the feed (other packages come from the machine's sources).</summary>
    public TempRoot NewRepository()
    {
        var repository = new TempRoot(asPipelineRoot: false);
        repository.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="pipeline-packages" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        using var init = Process.Start(new ProcessStartInfo("git", ["init", "--quiet", repository.Path]))!;
        init.WaitForExit();
        return repository;
    }

    public Task<Shell.Result> ScaffoldAsync(AbsolutePath repository, params string[] options) =>
        Shell.RunAsync(repository, "dotnet", ["new", "pipeline", .. options, "--debug:custom-hive", Hive]);

    public ValueTask DisposeAsync()
    {
        _work.Dispose();
        // The unique version's packages in the NuGet cache are of no use to anyone after this run.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "pipeline", "pipeline.githubactions", "pipeline.components", "pipeline.delivery", "pipeline.templates" })
        {
            var folder = Path.Combine(cache, id, Version);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Runs a command to its end with its output captured (stdout and stderr interleaved as they come).</summary>
public static class Shell
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(AbsolutePath directory, string executable, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(executable, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = new Process { StartInfo = start };
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        process.WaitForExit(); // drains the output events
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }
}
