using CliWrap.Buffered;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Bootstrap;

/// <summary>
/// A throwaway repository with this repository's bootstrap scripts and a tiny build project: it prints
/// its arguments and exits 5 on <c>fail</c>, and references a library in <c>libs/Lib</c> the way a
/// real pipeline references Pipeline (a backslash and <c>$(MSBuildThisFileDirectory)</c>, as MSBuild allows).
/// The repository's own code lives in <c>src/</c>, which the pipeline does not use.
/// </summary>
internal sealed class BootstrapRepository : IDisposable
{
    public const string Building = "Building the pipeline";

    private readonly TempRoot _root = new();

    public BootstrapRepository()
    {
        foreach (var script in new[] { "build.sh", "build.ps1", "build.cmd", "global.json" })
        {
            File.Copy(Repo.Root / script, _root.Path / script);
        }

        Write("Directory.Build.props", "<Project><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>");
        Write("Directory.Packages.props", "<Project />");
        Write("build/Build.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><AssemblyName>Build</AssemblyName></PropertyGroup>
              <ItemGroup>
                <ProjectReference
                    Include="$(MSBuildThisFileDirectory)..\libs\Lib\Lib.csproj" />
              </ItemGroup>
            </Project>
            """);
        Write("build/Program.cs", "Console.WriteLine(\"ran: \" + string.Join(' ', args) + Lib.Suffix); return args.Length > 0 && args[0] == \"fail\" ? 5 : 0;");
        Write("libs/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Write("libs/Lib/Lib.cs", "public static class Lib { public const string Suffix = \"\"; }");
        Write("src/App/App.cs", "static class App { }");
    }

    public AbsolutePath Path => _root.Path;

    public void Write(string relativePath, string content) => _root.Write(relativePath, content);

    public bool Exists(string relativePath) => File.Exists(Path / relativePath) || Directory.Exists(Path / relativePath);

    public Task<BufferedCommandResult> BuildShAsync(params string[] args) => Repo.RunAsync(Path / "build.sh", args, Path);

    public Task<BufferedCommandResult> BuildPs1Async(params string[] args) =>
        Repo.RunAsync("pwsh", ["-NoProfile", "-NonInteractive", "-File", Path / "build.ps1", .. args], Path);

    /// <summary>File times have a resolution of a second on some file systems: an edit must be later than the stamp.</summary>
    public static Task AfterATickAsync() => Task.Delay(1100, TestContext.Current.CancellationToken);

    public void Dispose() => _root.Dispose();
}
