using Pipeline.Tests.Support;

namespace Pipeline.Tests.Cli;

/// <summary>
/// build.sh against a tiny build project in a temporary copy: it builds only when an input changed
/// (an edit, a new file, a deleted file) and passes the arguments and exit code through.
/// </summary>
public sealed class BootstrapSpecs : IDisposable
{
    private const string Building = "Building the pipeline";
    private readonly TempRoot _root = new();

    public BootstrapSpecs()
    {
        File.Copy(Repo.Root / "build.sh", _root.Path / "build.sh");
        File.Copy(Repo.Root / "global.json", _root.Path / "global.json");
        _root.Write("Directory.Build.props", "<Project><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>");
        _root.Write("Directory.Packages.props", "<Project />");
        _root.Write("build/Build.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><AssemblyName>Build</AssemblyName></PropertyGroup></Project>");
        _root.Write("build/Program.cs", "Console.WriteLine(\"ran: \" + string.Join(' ', args)); return args.Length > 0 && args[0] == \"fail\" ? 5 : 0;");
        _root.Write("src/Library.cs", "static class Library { }");
    }

    [Fact]
    public async Task It_builds_once_then_runs_without_building_until_an_input_changes()
    {
        var first = await RunAsync("hello", "world");
        Assert.Contains(Building, first.StandardError);
        Assert.Contains("ran: hello world", first.StandardOutput);

        var second = await RunAsync("again");
        Assert.DoesNotContain(Building, second.StandardError);
        Assert.Contains("ran: again", second.StandardOutput);

        await Task.Delay(1100); // file times have a resolution of a second on some file systems
        _root.Write("build/Program.cs", "Console.WriteLine(\"edited\");");
        var afterEdit = await RunAsync();
        Assert.Contains(Building, afterEdit.StandardError);
        Assert.Contains("edited", afterEdit.StandardOutput);

        File.Delete(_root.Path / "src" / "Library.cs");
        var afterDelete = await RunAsync();
        Assert.Contains(Building, afterDelete.StandardError);

        var untouched = await RunAsync();
        Assert.DoesNotContain(Building, untouched.StandardError);
    }

    [Fact]
    public async Task The_exit_code_of_the_pipeline_is_the_exit_code_of_the_script()
    {
        var result = await RunAsync("fail");

        Assert.Equal(5, result.ExitCode);
    }

    [Fact]
    public async Task A_build_project_that_does_not_compile_fails_with_its_errors()
    {
        _root.Write("build/Program.cs", "this is not C#");

        var result = await RunAsync();

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error CS", result.StandardError);
        Assert.Contains("the pipeline does not build", result.StandardError);
    }

    public void Dispose() => _root.Dispose();

    private Task<CliWrap.Buffered.BufferedCommandResult> RunAsync(params string[] args) =>
        Repo.RunAsync(_root.Path / "build.sh", args, _root.Path);
}
