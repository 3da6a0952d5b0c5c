using Pipeline.Tests.Support;

namespace Pipeline.Tests.Bootstrap;

/// <summary>
/// build.sh, build.ps1 and build.cmd are one set of files: every sample has byte-identical copies of the
/// root's (a scaffold gets them too), and nothing in them reaches outside the folder they are in.
/// </summary>
public sealed class ScriptCopiesSpecs
{
    public static TheoryData<string, string> SampleScripts()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in Directory.GetDirectories(Repo.Root / "samples").Order(StringComparer.Ordinal))
        {
            foreach (var script in Scripts)
            {
                data.Add(Path.GetFileName(sample), script);
            }
        }

        return data;
    }

    private static readonly string[] Scripts = ["build.sh", "build.ps1", "build.cmd"];

    [Theory]
    [MemberData(nameof(SampleScripts))]
    public void A_samples_script_is_a_copy_of_the_roots(string sample, string script)
    {
        var copy = Repo.Root / "samples" / sample / script;

        Assert.True(File.Exists(copy), $"samples/{sample}/{script} is missing");
        Assert.True(File.ReadAllBytes(Repo.Root / script).AsSpan().SequenceEqual(File.ReadAllBytes(copy)), $"samples/{sample}/{script} differs from the root's {script}: copy it again");
    }

    [Theory]
    [InlineData("build.sh")]
    [InlineData("build.ps1")]
    [InlineData("build.cmd")]
    public void A_script_names_no_path_outside_its_folder(string script)
    {
        var text = File.ReadAllText(Repo.Root / script);

        Assert.DoesNotContain("../", text, StringComparison.Ordinal);
        Assert.DoesNotContain("..\\", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PIPELINE_SAMPLE_ROOT", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// cmd.exe does not run on Linux: this checks what build.cmd must do, by its text. It runs build.ps1 next
    /// to it (pwsh, else Windows PowerShell), passes every argument, and exits with build.ps1's exit code.
    /// </summary>
    [Fact]
    public void Build_cmd_passes_the_arguments_to_build_ps1_and_returns_its_exit_code()
    {
        var lines = File.ReadAllLines(Repo.Root / "build.cmd");
        var calls = lines.Where(line => !line.StartsWith("rem ", StringComparison.Ordinal) && line.Contains("build.ps1", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, calls.Count);
        Assert.All(calls, call => Assert.Matches(@"^\s*(pwsh|powershell) -NoProfile -ExecutionPolicy Bypass -File ""%~dp0build\.ps1"" %\*\s*$", call));
        Assert.Equal("exit /b %errorlevel%", lines.Last(line => line.Trim().Length > 0).Trim());
        Assert.Contains(File.ReadAllBytes(Repo.Root / "build.cmd"), b => b == '\r'); // .gitattributes: cmd.exe wants CRLF
    }
}
