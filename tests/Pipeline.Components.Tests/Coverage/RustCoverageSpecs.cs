using Pipeline.Components.Coverage;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Coverage;

/// <summary>
/// Real cargo and LLVM tools over <see cref="CoveredWorkspace"/> (6 of 12 lines, 50%): rustc's
/// instrumented tests, llvm-profdata and llvm-cov of its LLVM (rustup's llvm-tools, or Debian's
/// llvm-N that .ci/install/45-llvm.sh installs), the report and the gate as for any other source.
/// </summary>
public sealed class RustCoverageSpecs
{
    [Fact]
    public async Task Coverage_above_the_threshold_passes_with_a_row_per_crate_and_an_html_report()
    {
        LlvmRequirement.CargoAndLlvmTools();
        using var root = new TempRoot();
        CoveredWorkspace.Write(root, "rust");
        CoveragePipeline.AddToolManifest(root);

        var run = await CoveragePipeline.With(new Percentage(40), new RustCoverage("rust")).RunAsync(root, ["Coverage"], gitHubActions: true);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Package  Lines  Coverage", run.Lines);
        Assert.Contains("calc       6/9     66.6%", run.Lines);
        Assert.Contains("util       0/3        0%", run.Lines);
        Assert.Contains("Total     6/12       50%", run.Lines);
        Assert.Contains("### ✅ Line coverage 50% (threshold 40%)", run.StepSummary, StringComparison.Ordinal);
        var merged = CoberturaReport.Read(root.Path / "artifacts" / "coverage" / "Cobertura.xml");
        Assert.Equal([new PackageCoverage("calc", 6, 9), new PackageCoverage("util", 0, 3)], merged.Packages);
        // The crate's page in the HTML report shows its source, read from the workspace.
        Assert.Contains("<code>pub&nbsp;fn&nbsp;twice(a:&nbsp;i32)", File.ReadAllText(root.Path / "artifacts" / "coverage" / "util_crates.html"), StringComparison.Ordinal);
        // The instrumented build has a folder of its own: the normal build's cache is untouched.
        Assert.True(Directory.Exists(root.Path / "rust" / "target" / "coverage" / "debug"), run.Output);
        Assert.False(Directory.Exists(root.Path / "rust" / "target" / "debug"), run.Output);
    }

    [Fact]
    public async Task Coverage_below_the_threshold_fails_in_one_line_with_both_numbers()
    {
        LlvmRequirement.CargoAndLlvmTools();
        using var root = new TempRoot();
        CoveredWorkspace.Write(root, ".");
        CoveragePipeline.AddToolManifest(root);

        var run = await CoveragePipeline.With(new Percentage(60), new RustCoverage(".")).RunAsync(root, ["Coverage"], gitHubActions: true);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::error title=Target Coverage failed::line coverage 50%25 is below the threshold 60%25", run.Lines);
        Assert.Contains("### ❌ Line coverage 50% (threshold 60%)", run.StepSummary, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        Assert.True(File.Exists(root.Path / "artifacts" / "coverage" / "index.html"), run.Output);
    }

    [Fact]
    public async Task A_profile_the_llvm_tool_rejects_fails_in_one_line_naming_the_tool_and_rustc_with_their_llvm_versions()
    {
        LlvmRequirement.CargoAndLlvmTools();
        using var root = new TempRoot();
        CoveredWorkspace.Write(root, ".", withProfileOfANewerLlvm: true);
        CoveragePipeline.AddToolManifest(root);

        var run = await CoveragePipeline.With(new Percentage(10), new RustCoverage(".")).RunAsync(root, ["Coverage"], gitHubActions: true);

        Assert.Equal(1, run.ExitCode);
        var failure = Assert.Single(run.Lines, l => l.StartsWith("::error title=Target Coverage failed::", StringComparison.Ordinal));
        Assert.Matches(
            @"^::error title=Target Coverage failed::\S*llvm-profdata\S* \(LLVM \d+\.\d+\.\d+\S*\) cannot read what rustc \d+\.\d+\.\d+\S* \(LLVM \d+\.\d+\.\d+\S*\) wrote: " +
            @"raw profile version mismatch: Profile uses raw profile format version = 99; expected version = \d+\. " +
            @"It must be of rustc's LLVM \d+: rustup component add llvm-tools \(rustc's own\), or apt-get install llvm-\d+\.$",
            failure);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_llvm_profdata_on_PATH_the_run_stops_before_any_target_naming_it_and_how_to_install_it()
    {
        using var root = new TempRoot();
        CoveredWorkspace.Write(root, ".");
        var home = Directory.CreateDirectory(root.Path / "home").FullName; // no rustup llvm-tools under it either
        var path = Directory.CreateDirectory(root.Path / "bin").FullName; // cargo and dotnet, which the target also needs: only llvm is missing
        foreach (var tool in new[] { "cargo", "dotnet" })
        {
            File.CreateSymbolicLink(Path.Combine(path, tool), Requirements.FindOnPath(tool) ?? throw new InvalidOperationException($"{tool} is not on PATH"));
        }

        Assert.Null(LlvmTools.Profdata.Find(new Dictionary<string, string> { ["PATH"] = path, ["HOME"] = home }));

        var run = await CoveragePipeline.With(new Percentage(50), new RustCoverage("."))
            .RunAsync(root, ["Coverage"], new Dictionary<string, string> { ["PATH"] = path, ["HOME"] = home });

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(
            "llvm-profdata is not installed (or not on PATH), and Coverage needs it: install the LLVM tools of rustc's LLVM (`rustc -vV` names it): " +
            "rustup component add llvm-tools, or on Debian/Ubuntu apt-get install llvm-22 for LLVM 22 (llvm-N for LLVM N)",
            run.Error,
            StringComparison.Ordinal);
        Assert.Contains("llvm-cov is not installed (or not on PATH), and Coverage needs it", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("error: 2 tools are not installed (or not on PATH); nothing has run:", run.Error.Trim(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(root.Path / "target"));
    }
}
