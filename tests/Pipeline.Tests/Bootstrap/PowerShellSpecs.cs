using System.Diagnostics;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Bootstrap;

/// <summary>
/// build.ps1 run by PowerShell 7 (.ci/install/50-powershell.sh installs it as a .NET tool): it builds the
/// pipeline once, passes the arguments and the exit code through, and starts fast when nothing changed.
/// </summary>
public sealed class PowerShellSpecs : IDisposable
{
    private const string Building = BootstrapRepository.Building;
    private readonly BootstrapRepository _repository = new();

    [Fact]
    public async Task It_builds_once_runs_a_target_then_starts_without_building_until_an_input_changes()
    {
        Requirements.Tool("pwsh");

        var first = await _repository.BuildPs1Async("Hello", "--flag");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains(Building, first.StandardError);
        Assert.Contains("ran: Hello --flag", first.StandardOutput);

        var clock = Stopwatch.StartNew();
        var second = await _repository.BuildPs1Async("again");
        var secondStart = clock.Elapsed;
        Assert.DoesNotContain(Building, second.StandardError);
        Assert.Contains("ran: again", second.StandardOutput);
        Assert.True(secondStart < TimeSpan.FromSeconds(15), $"the second start took {secondStart}: did it build?");

        await BootstrapRepository.AfterATickAsync();
        _repository.Write("src/App/App.cs", "static class App { static int Edited; }");
        Assert.DoesNotContain(Building, (await _repository.BuildPs1Async()).StandardError);

        _repository.Write("libs/Lib/Lib.cs", "public static class Lib { public const string Suffix = \" (lib edited)\"; }");
        var afterLibrary = await _repository.BuildPs1Async("x");
        Assert.Contains(Building, afterLibrary.StandardError);
        Assert.Contains("ran: x (lib edited)", afterLibrary.StandardOutput);
    }

    [Fact]
    public async Task The_exit_code_of_the_pipeline_is_the_exit_code_of_the_script()
    {
        Requirements.Tool("pwsh");

        var result = await _repository.BuildPs1Async("fail");

        Assert.Equal(5, result.ExitCode);
    }

    [Fact]
    public async Task A_build_project_that_does_not_compile_fails_with_3_and_its_errors()
    {
        Requirements.Tool("pwsh");
        _repository.Write("build/Program.cs", "this is not C#");

        var result = await _repository.BuildPs1Async();

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error CS", result.StandardError);
        Assert.Contains("the pipeline does not build", result.StandardError);
    }

    /// <summary>A real pipeline (the test fixture's, on this repository's src/Pipeline) behind build.ps1.</summary>
    [Fact]
    public async Task Help_and_a_target_of_a_real_pipeline_run_through_build_ps1()
    {
        Requirements.Tool("pwsh");
        _repository.Write("build/Build.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><AssemblyName>Build</AssemblyName><Nullable>enable</Nullable></PropertyGroup>
              <ItemGroup><ProjectReference Include="{Repo.Root / "src" / "Pipeline" / "Pipeline.csproj"}" /></ItemGroup>
            </Project>
            """);
        foreach (var source in Directory.GetFiles(Repo.Root / "tests" / "Pipeline.Fixture", "*.cs"))
        {
            _repository.Write("build/" + Path.GetFileName(source), File.ReadAllText(source));
        }

        var help = await _repository.BuildPs1Async("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Targets (default: Hello):", help.StandardOutput);

        var hello = await _repository.BuildPs1Async("Hello");
        Assert.Equal(0, hello.ExitCode);
        Assert.DoesNotContain(Building, hello.StandardError);
        Assert.Contains("Hello", hello.StandardOutput);

        var unknown = await _repository.BuildPs1Async("Helo");
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
    }

    public void Dispose() => _repository.Dispose();
}
