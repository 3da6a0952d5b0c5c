using Pipeline.Components.Formatting;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Formatting;

public sealed class DotNetFormat : FormatTarget
{
    protected override IEnumerable<IFormatter> Formatters => [new DotNetFormatter("app/Demo.csproj", DotNetFormatScope.Whitespace)];
}

/// <summary>Whitespace file by file, no project loaded, as this repository's own Format runs.</summary>
public sealed class DotNetFolderFormat : FormatTarget
{
    protected override IEnumerable<IFormatter> Formatters =>
        [new DotNetFormatter("src", DotNetFormatScope.Whitespace) { Folder = true, Exclude = ["src/Generated"] }];
}

public sealed class DotNetFormatSpecs
{
    private const string Indented = "namespace Demo;\n\npublic static class Answers\n{\n    public static int Answer() => 42;\n}\n";

    [Fact]
    public async Task Verify_fails_listing_the_file_then_fix_rewrites_it_and_verify_passes()
    {
        Requirements.Tool("dotnet");
        using var root = new TempRoot();
        root.Write("app/Demo.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        root.Write("app/Answers.cs", Indented.Replace("    public", "          public", StringComparison.Ordinal));
        root.Write("app/Clean.cs", "namespace Demo;\n\npublic static class Clean\n{\n}\n");
        var pipeline = new PipelineBuilder().Add<DotNetFormat>();

        var before = await pipeline.RunAsync(root, ["DotNetFormat"]);
        var fix = await pipeline.RunAsync(root, ["DotNetFormat", "--fix"]);
        var after = await pipeline.RunAsync(root, ["DotNetFormat"]);

        Assert.Equal(ExitCodes.TargetFailed, before.ExitCode);
        Assert.Contains("DotNetFormat │ app/Answers.cs: not formatted (dotnet format app/Demo.csproj)", before.Lines);
        Assert.DoesNotContain("Clean.cs: not formatted", before.Output);
        Assert.Equal(0, fix.ExitCode);
        Assert.Contains("DotNetFormat │ app/Answers.cs: rewritten (dotnet format app/Demo.csproj)", fix.Lines);
        Assert.Equal(Indented, root.Read("app/Answers.cs"));
        Assert.Equal(0, after.ExitCode);
    }

    [Fact]
    public async Task In_folder_mode_it_checks_every_file_without_a_project_and_leaves_excluded_folders_alone()
    {
        Requirements.Tool("dotnet");
        using var root = new TempRoot();
        var misindented = Indented.Replace("    public", "          public", StringComparison.Ordinal);
        root.Write("src/Answers.cs", misindented);
        root.Write("src/Generated/Old.cs", misindented);
        var pipeline = new PipelineBuilder().Add<DotNetFolderFormat>();

        var before = await pipeline.RunAsync(root, ["DotNetFolderFormat"]);
        var fix = await pipeline.RunAsync(root, ["DotNetFolderFormat", "--fix"]);

        Assert.Equal(ExitCodes.TargetFailed, before.ExitCode);
        Assert.Contains("DotNetFolderFormat │ src/Answers.cs: not formatted (dotnet format src)", before.Lines);
        Assert.DoesNotContain("Old.cs", before.Output, StringComparison.Ordinal);
        Assert.Equal(0, fix.ExitCode);
        Assert.Equal(Indented, root.Read("src/Answers.cs"));
        Assert.Equal(misindented, root.Read("src/Generated/Old.cs"));
        Assert.False(Directory.Exists(root.Path / "src" / "obj"));
    }

    [Fact]
    public void Folder_mode_is_whitespace_only()
    {
        var error = Assert.Throws<ArgumentException>(() => new DotNetFormatter(".") { Folder = true });

        Assert.Contains("DotNetFormatScope.Whitespace", error.Message, StringComparison.Ordinal);
    }
}
