using Pipeline.Tests.Support;

namespace Pipeline.Tests.Bootstrap;

/// <summary>
/// A sample's build/ brings its own Directory.Build.props, Directory.Build.targets and
/// Directory.Packages.props, so the MSBuild files of the repository it is copied into do not reach it.
/// </summary>
public sealed class InsulationSpecs : IDisposable
{
    private readonly TempRoot _root = new();

    /// <summary>
    /// The sample keeps its project references to ../../../src, so the temporary folder is laid out like
    /// this repository (its MSBuild files and src/ at the top); the user's repository is the sample's folder.
    /// </summary>
    [Fact]
    public async Task A_sample_in_a_repository_with_hostile_MSBuild_files_still_builds_and_runs_its_pipeline()
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            File.Copy(Repo.Root / file, _root.Path / file);
        }

        _root.CopyFrom(Repo.Root / "src", "src");
        _root.CopyFrom(Repo.Root / "samples" / "rust-workspace", "samples/rust-workspace");
        _root.Write("samples/rust-workspace/Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <TargetFrameworks>net8.0;net472</TargetFrameworks>
                <TargetFramework>net472</TargetFramework>
                <AnalysisMode>All</AnalysisMode>
                <EnforceCodeStyleInBuild>true</EnforceCodeStyleInBuild>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>
            """);
        _root.Write("samples/rust-workspace/Directory.Build.targets", """
            <Project>
              <Target Name="RepositoryOnly" BeforeTargets="Build">
                <Error Text="the repository's Directory.Build.targets reached the pipeline" />
              </Target>
            </Project>
            """);
        _root.Write("samples/rust-workspace/Directory.Packages.props", """
            <Project>
              <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
              <ItemGroup><PackageVersion Include="Newtonsoft.Json" Version="13.0.3" /></ItemGroup>
            </Project>
            """);

        var sample = _root.Path / "samples" / "rust-workspace";
        var result = await Repo.RunAsync(sample / "build.sh", ["--help"], sample);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("Building the pipeline", result.StandardError);
        Assert.Contains("Targets (default:", result.StandardOutput);
    }

    public void Dispose() => _root.Dispose();
}
