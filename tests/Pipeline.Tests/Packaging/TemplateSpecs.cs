namespace Pipeline.Tests.Packaging;

/// <summary>
/// The packages as a user gets them: packed into a folder feed, the template installed from it,
/// <c>dotnet new pipeline</c> in a fresh repository, and the scaffold's own bootstrap run.
/// </summary>
public sealed class TemplateSpecs(PackageFeed feed) : IClassFixture<PackageFeed>
{
    [Fact]
    public async Task A_dotnet_scaffold_runs_its_tests_plans_and_generates_workflows_that_pass_the_linters()
    {
        using var repository = DotNetRepository();

        var scaffold = await feed.ScaffoldAsync(repository.Path, "--toolchain", "dotnet");
        Assert.True(scaffold.ExitCode == 0, scaffold.Output);
        Assert.Contains($"Version=\"{feed.Version}\"", repository.Read("build/Build.csproj"));

        var first = await Shell.RunAsync(repository.Path, repository.Path / "build.sh", []);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("1 passed, 0 failed, 0 skipped", first.Output);

        var plan = await Shell.RunAsync(repository.Path, repository.Path / "build.sh", ["Test", "--plan"]);
        Assert.True(plan.ExitCode == 0, plan.Output);
        Assert.Contains("Plan for Test", plan.Output);

        var generate = await Shell.RunAsync(repository.Path, repository.Path / "build.sh", ["--generate"]);
        Assert.True(generate.ExitCode == 0, generate.Output);
        await WorkflowLint.AssertCleanAsync(repository.Read(".github/workflows/ci.yml"), "ci.yml");
        Assert.Contains("\"${workspaceFolder}/.nuke/temp/debug/Build.dll\"", repository.Read(".vscode/launch.json"));
        Assert.True(File.Exists(repository.Path / "build" / "Properties" / "launchSettings.json"));

        Requirements.Tool("pwsh");
        var help = await Shell.RunAsync(repository.Path, "pwsh", ["./build.ps1", "--help"]);
        Assert.True(help.ExitCode == 0, help.Output);
        Assert.Contains("Test", help.Output);
    }

    [Fact]
    public async Task Running_it_again_changes_nothing_and_names_every_file_it_left_alone()
    {
        using var repository = DotNetRepository();
        Assert.Equal(0, (await feed.ScaffoldAsync(repository.Path)).ExitCode);
        repository.Write("build/Targets/Test.cs", "// edited by the user\n");

        var again = await feed.ScaffoldAsync(repository.Path, "--toolchain", "go");

        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("./build.sh", again.Output);
        Assert.Contains("./global.json", again.Output);
        Assert.Contains("./build/Targets/Test.cs", again.Output);
        Assert.Equal("// edited by the user\n", repository.Read("build/Targets/Test.cs"));
        Assert.False(File.Exists(repository.Path / "build" / "Targets" / "Go.cs"));
    }

    [Fact]
    public async Task Without_global_json_it_scaffolds_beside_the_repository_s_own()
    {
        using var repository = DotNetRepository();
        repository.Write("global.json", "{ \"sdk\": { \"version\": \"10.0.100\", \"rollForward\": \"latestMajor\" } }\n");

        var scaffold = await feed.ScaffoldAsync(repository.Path, "--global-json", "false");

        Assert.True(scaffold.ExitCode == 0, scaffold.Output);
        Assert.Contains("latestMajor", repository.Read("global.json"));
        Assert.True(File.Exists(repository.Path / "build" / "Build.csproj"));
    }

    [Fact]
    public async Task A_go_scaffold_runs_the_go_tests()
    {
        Requirements.Tool("go");
        using var repository = feed.NewRepository();
        repository.Write("go.mod", "module example.com/greeting\n\ngo 1.19\n");
        repository.Write("greeting.go", "package greeting\n\n// For greets someone by name.\nfunc For(name string) string { return \"Hello, \" + name + \"!\" }\n");
        repository.Write("greeting_test.go", "package greeting\n\nimport \"testing\"\n\nfunc TestFor(t *testing.T) {\n\tif For(\"Ada\") != \"Hello, Ada!\" {\n\t\tt.Fatal(For(\"Ada\"))\n\t}\n}\n");

        var scaffold = await feed.ScaffoldAsync(repository.Path, "--toolchain", "go");
        Assert.True(scaffold.ExitCode == 0, scaffold.Output);
        Assert.Contains("GoTests", repository.Read("build/Targets/Test.cs"));

        var first = await Shell.RunAsync(repository.Path, repository.Path / "build.sh", []);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("1 passed, 0 failed, 0 skipped", first.Output);
    }

    [Fact]
    public async Task A_rust_scaffold_with_delivery_runs_the_cargo_tests_and_plans_the_delivery()
    {
        Requirements.Tool("cargo");
        using var repository = feed.NewRepository();
        repository.Write("Cargo.toml", "[package]\nname = \"greeting\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n");
        repository.Write("src/lib.rs", "/// Greets someone by name.\npub fn greet(name: &str) -> String {\n    format!(\"Hello, {name}!\")\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn greets_by_name() {\n        assert_eq!(super::greet(\"Ada\"), \"Hello, Ada!\");\n    }\n}\n");

        var scaffold = await feed.ScaffoldAsync(repository.Path, "--toolchain", "rust", "--delivery");
        Assert.True(scaffold.ExitCode == 0, scaffold.Output);
        Assert.Contains("CargoTests", repository.Read("build/Targets/Test.cs"));

        var first = await Shell.RunAsync(repository.Path, repository.Path / "build.sh", []);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("1 passed, 0 failed", first.Output);

        var plan = await Shell.RunAsync(repository.Path, repository.Path / "build.sh", ["Smoke", "--plan"]);
        Assert.True(plan.ExitCode == 0, plan.Output);
        Assert.Contains("5 of 5 targets run", plan.Output);
        foreach (var target in new[] { "Test", "BuildImage", "Push", "DeployStaging", "Smoke" })
        {
            Assert.Contains(target, plan.Output);
        }

        var generate = await Shell.RunAsync(repository.Path, repository.Path / "build.sh", ["--generate"]);
        Assert.True(generate.ExitCode == 0, generate.Output);
        await WorkflowLint.AssertCleanAsync(repository.Read(".github/workflows/ci.yml"), "ci.yml");
    }

    [Fact]
    public async Task A_scaffold_for_no_toolchain_runs_its_one_target()
    {
        using var repository = feed.NewRepository();
        repository.Write("README.md", "# A repository with no build yet\n");

        var scaffold = await feed.ScaffoldAsync(repository.Path, "--toolchain", "none");
        Assert.True(scaffold.ExitCode == 0, scaffold.Output);
        Assert.False(File.Exists(repository.Path / "build" / "Targets" / "Test.cs"));

        var first = await Shell.RunAsync(repository.Path, repository.Path / "build.sh", []);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Check", first.Output);
    }

    /// <summary>A solution with a library and its xunit tests, committed: what a .NET repository looks like before Pipeline.</summary>
    private TempRoot DotNetRepository()
    {
        var repository = feed.NewRepository();
        repository.Write("App.slnx", """
            <Solution>
              <Project Path="src/App/App.csproj" />
              <Project Path="tests/App.Tests/App.Tests.csproj" />
            </Solution>
            """);
        repository.Write("src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>
            """);
        repository.Write("src/App/Greeting.cs", "namespace App;\n\npublic static class Greeting\n{\n    public static string For(string name) => $\"Hello, {name}!\";\n}\n");
        repository.Write("tests/App.Tests/App.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit.v3" Version="3.2.1" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../../src/App/App.csproj" />
              </ItemGroup>
            </Project>
            """);
        repository.Write("tests/App.Tests/GreetingTests.cs", "using Xunit;\n\nnamespace App.Tests;\n\npublic sealed class GreetingTests\n{\n    [Fact]\n    public void Greets_by_name() => Assert.Equal(\"Hello, Ada!\", App.Greeting.For(\"Ada\"));\n}\n");
        return repository;
    }
}
