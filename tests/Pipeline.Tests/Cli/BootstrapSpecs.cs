using Pipeline.Tests.Bootstrap;

namespace Pipeline.Tests.Cli;

/// <summary>
/// build.sh against a tiny build project in a temporary repository: it builds only when what the
/// pipeline is made of changed (an edit, a new file, a deleted file) and passes the arguments and exit code through.
/// </summary>
public sealed class BootstrapSpecs : IDisposable
{
    private const string Building = BootstrapRepository.Building;
    private readonly BootstrapRepository _repository = new();

    [Fact]
    public async Task It_builds_once_then_runs_without_building_until_an_input_changes()
    {
        var first = await _repository.BuildShAsync("hello", "world");
        Assert.Contains(Building, first.StandardError);
        Assert.Contains("ran: hello world", first.StandardOutput);

        var second = await _repository.BuildShAsync("again");
        Assert.DoesNotContain(Building, second.StandardError);
        Assert.Contains("ran: again", second.StandardOutput);

        await BootstrapRepository.AfterATickAsync();
        _repository.Write("build/Program.cs", "Console.WriteLine(\"edited\");");
        var afterEdit = await _repository.BuildShAsync();
        Assert.Contains(Building, afterEdit.StandardError);
        Assert.Contains("edited", afterEdit.StandardOutput);

        _repository.Write("build/Extra.cs", "static class Extra { }");
        Assert.Contains(Building, (await _repository.BuildShAsync()).StandardError);

        File.Delete(_repository.Path / "build" / "Extra.cs");
        Assert.Contains(Building, (await _repository.BuildShAsync()).StandardError);

        var untouched = await _repository.BuildShAsync();
        Assert.DoesNotContain(Building, untouched.StandardError);
    }

    [Fact]
    public async Task Editing_the_repositorys_own_code_does_not_rebuild_the_pipeline_but_what_it_is_made_of_does()
    {
        Assert.Contains(Building, (await _repository.BuildShAsync()).StandardError);
        await BootstrapRepository.AfterATickAsync();

        _repository.Write("src/App/App.cs", "static class App { static int Edited; }");
        _repository.Write("src/App/New.cs", "static class New { }");
        _repository.Write("README.md", "# a new file at the root");
        Assert.DoesNotContain(Building, (await _repository.BuildShAsync()).StandardError);

        _repository.Write("libs/Lib/Lib.cs", "public static class Lib { public const string Suffix = \" (lib edited)\"; }");
        var afterLibrary = await _repository.BuildShAsync("x");
        Assert.Contains(Building, afterLibrary.StandardError);
        Assert.Contains("ran: x (lib edited)", afterLibrary.StandardOutput);

        await BootstrapRepository.AfterATickAsync();
        _repository.Write("Directory.Build.props", "<Project><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Deterministic>true</Deterministic></PropertyGroup></Project>");
        Assert.Contains(Building, (await _repository.BuildShAsync()).StandardError);

        // A Directory.Build.props that appears between the library and the root is imported from then on.
        _repository.Write("libs/Directory.Build.props", "<Project><Import Project=\"$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))\" /></Project>");
        Assert.Contains(Building, (await _repository.BuildShAsync()).StandardError);

        Assert.DoesNotContain(Building, (await _repository.BuildShAsync()).StandardError);
    }

    [Fact]
    public async Task The_exit_code_of_the_pipeline_is_the_exit_code_of_the_script()
    {
        var result = await _repository.BuildShAsync("fail");

        Assert.Equal(5, result.ExitCode);
    }

    [Fact]
    public async Task A_build_project_that_does_not_compile_fails_with_its_errors()
    {
        _repository.Write("build/Program.cs", "this is not C#");

        var result = await _repository.BuildShAsync();

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error CS", result.StandardError);
        Assert.Contains("the pipeline does not build", result.StandardError);
    }

    public void Dispose() => _repository.Dispose();
}
