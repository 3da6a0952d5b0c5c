using Pipeline.Components.Scanning;
using Pipeline.Components.Tests.Linting;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Scanning;

/// <summary>The scan against a fake trivy on PATH that prints Trivy's real JSON format.</summary>
[Collection(typeof(ProcessPath))]
public sealed class ScanSpecs
{
    [Fact]
    public void The_report_is_read_from_Trivy_s_JSON_format()
    {
        var findings = TrivyReport.Parse(FakeTrivy.GoModuleReport);

        Assert.Equal(
            [
                new Vulnerability("GHSA-xxxx-yyyy-zzzz", "github.com/example/parser", "v1.2.3", null, Severity.Critical, "Parser | panics on crafted input", "go.sum"),
                new Vulnerability("CVE-2023-44487", "golang.org/x/net", "v0.7.0", "0.17.0", Severity.High, "HTTP/2 rapid reset can cause excessive work in net/http", "go.sum"),
                new Vulnerability("CVE-2022-41717", "golang.org/x/net", "v0.7.0", "0.4.0", Severity.Low, "excessive memory growth in a Go server accepting HTTP/2 requests", "go.sum"),
            ],
            findings);
        Assert.Equal(new VulnerabilityCounts(1, 1, 0, 1, 0), VulnerabilityCounts.Of(findings));
        Assert.Empty(TrivyReport.Parse(FakeTrivy.CleanImageReport));
    }

    [Fact]
    public async Task Blocking_it_fails_naming_what_is_at_or_above_the_threshold_and_annotates_the_lock_file()
    {
        using var root = Module();
        using var trivy = new FakeTrivy(root, FakeTrivy.GoModuleReport);

        var run = await Pipeline(ScanPolicy.Blocking).RunAsync(root, ["Scan"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Equal($"fs --format json --output {root.Path / "artifacts/scan/Scan.json"} --exit-code 0 --scanners vuln {root.Path / "services/events"}", Assert.Single(trivy.CallLines));
        Assert.Contains("Scan │ folder services/events: 1 critical, 1 high, 0 medium, 1 low, 0 unknown", run.Lines);
        Assert.Contains(run.Lines, l => l.StartsWith("Scan │ services/events/go.sum:1: CVE-2023-44487 in golang.org/x/net v0.7.0 (HIGH), fixed in 0.17.0: HTTP/2 rapid reset", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("Scan │ services/events/go.sum:1: GHSA-xxxx-yyyy-zzzz in github.com/example/parser v1.2.3 (CRITICAL), no fix yet", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Lines, l => l.Contains("go.sum:1: CVE-2022-41717", StringComparison.Ordinal)); // LOW: counted, not reported
        Assert.Contains("2 vulnerabilities at or above HIGH in folder services/events: GHSA-xxxx-yyyy-zzzz, CVE-2023-44487", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warning_only_it_succeeds_and_reports_the_same_findings_as_warnings_with_a_summary_table_and_SARIF_in_CI()
    {
        using var root = Module();
        using var trivy = new FakeTrivy(root, FakeTrivy.GoModuleReport);

        var run = await Pipeline(ScanPolicy.WarningOnly).RunAsync(root, ["Scan"], gitHubActions: true);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains(run.Lines, l => l.StartsWith("::warning file=services/events/go.sum,line=1::CVE-2023-44487 in golang.org/x/net", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("::warning title=Scan::2 vulnerabilities at or above HIGH in folder services/events", StringComparison.Ordinal)
            && l.EndsWith("(warning only: the scan does not block this run)", StringComparison.Ordinal));
        Assert.DoesNotContain("::error", run.Output, StringComparison.Ordinal);
        Assert.Contains("### ⚠️ Vulnerability scan of folder services/events: 2 at or above HIGH (warning only)", run.StepSummary, StringComparison.Ordinal);
        Assert.Contains("| CRITICAL | 1 |", run.StepSummary, StringComparison.Ordinal);
        Assert.Contains("| GHSA-xxxx-yyyy-zzzz | github.com/example/parser | v1.2.3 |  | CRITICAL | Parser \\| panics on crafted input |", run.StepSummary, StringComparison.Ordinal);
        Assert.Contains($"convert --format sarif --output {root.Path / "artifacts/scan/Scan.sarif"} {root.Path / "artifacts/scan/Scan.json"}", trivy.CallLines);
        Assert.True(File.Exists(root.Path / "artifacts/scan/Scan.sarif"));
    }

    [Fact]
    public async Task Below_the_threshold_nothing_blocks_and_the_counts_still_reach_a_dependent_target()
    {
        using var root = Module();
        using var trivy = new FakeTrivy(root, FakeTrivy.GoModuleReport.Replace("\"CRITICAL\"", "\"MEDIUM\"", StringComparison.Ordinal));

        var run = await Pipeline(ScanPolicy.Blocking, Severity.Critical).Add<SecurityReport>().RunAsync(root, ["SecurityReport"]);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("SecurityReport │ report: 0 critical, 1 high, 3 in all", run.Lines);
        Assert.DoesNotContain(run.Lines, l => l.Contains("go.sum:1:", StringComparison.Ordinal));
        Assert.DoesNotContain("trivy convert", run.Output, StringComparison.Ordinal); // SARIF only for code scanning, in CI
    }

    [Fact]
    public async Task An_image_is_scanned_with_trivy_image_and_a_clean_one_passes()
    {
        using var root = Module();
        using var trivy = new FakeTrivy(root, FakeTrivy.CleanImageReport);

        var run = await new PipelineBuilder().Add<ScanImage>().RunAsync(root, ["ScanImage"], gitHubActions: true);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.StartsWith("image --format json --output ", trivy.CallLines[0], StringComparison.Ordinal);
        Assert.EndsWith(" --scanners vuln 127.0.0.1:5000/events:abc1234", trivy.CallLines[0], StringComparison.Ordinal);
        Assert.Contains("### ✅ Vulnerability scan of image 127.0.0.1:5000/events:abc1234: 0 at or above HIGH (warning only)", run.StepSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_SBOM_s_components_are_counted_from_CycloneDX_nested_ones_included_the_scanned_subject_not()
    {
        Assert.Equal(3, CycloneDxSbom.ComponentCount(FakeTrivy.GoBinaryImageSbom));
        Assert.Equal(3, CycloneDxSbom.ComponentCount("""{"bomFormat":"CycloneDX","components":[{"name":"a","components":[{"name":"a/b"},{"name":"a/c"}]}]}"""));
        Assert.Equal(0, CycloneDxSbom.ComponentCount("""{"bomFormat":"CycloneDX","metadata":{"component":{"name":"scratch"}}}"""));

        var notCycloneDx = Assert.Throws<TargetFailedException>(() => CycloneDxSbom.ComponentCount(FakeTrivy.CleanImageReport));
        Assert.Equal("trivy wrote an SBOM without \"bomFormat\": \"CycloneDX\": was it run with --format cyclonedx?", notCycloneDx.Message);
        Assert.StartsWith("trivy wrote an SBOM that is not JSON: ", Assert.Throws<TargetFailedException>(() => CycloneDxSbom.ComponentCount("{\"bomFormat\":")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_SBOM_Trivy_runs_again_on_the_same_image_for_CycloneDX_and_the_summary_counts_its_components()
    {
        using var root = Module();
        using var trivy = new FakeTrivy(root, FakeTrivy.CleanImageReport);

        var run = await new PipelineBuilder().Add<ScanImageWithSbom>().RunAsync(root, ["ScanImageWithSbom"], gitHubActions: true);

        Assert.True(run.ExitCode == 0, run.All);
        var sbom = root.Path / "artifacts/scan/ScanImageWithSbom.cdx.json";
        Assert.Equal(3, trivy.CallLines.Count); // the scan, its SARIF for code scanning, the SBOM
        Assert.Equal($"image --format cyclonedx --output {sbom} 127.0.0.1:5000/events:abc1234", trivy.CallLines[2]);
        Assert.Equal(FakeTrivy.GoBinaryImageSbom, File.ReadAllText(sbom));
        Assert.Contains("SBOM: 3 components (artifacts/scan/ScanImageWithSbom.cdx.json, CycloneDX)", run.Lines);
        Assert.Contains("SBOM: 3 components (artifacts/scan/ScanImageWithSbom.cdx.json, CycloneDX)", run.StepSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_SBOM_that_is_not_CycloneDX_fails_the_scan_saying_so()
    {
        using var root = Module();
        using var trivy = new FakeTrivy(root, FakeTrivy.CleanImageReport, sbom: FakeTrivy.CleanImageReport);

        var run = await new PipelineBuilder().Add<ScanImageWithSbom>().RunAsync(root, ["ScanImageWithSbom"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("trivy wrote an SBOM without \"bomFormat\": \"CycloneDX\"", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subject_known_at_run_time_is_scanned_an_archive_with_input_and_a_missing_one_is_named()
    {
        using var root = Module();
        using var trivy = new FakeTrivy(root, FakeTrivy.CleanImageReport);
        root.Write(".nuke/temp/images/events.tar", "not really a tar: the fake trivy does not open it");

        var run = await new PipelineBuilder().Add<ScanSavedImage>().Provide(new SavedImage(".nuke/temp/images/events.tar")).RunAsync(root, ["ScanSavedImage"]);

        Assert.True(run.ExitCode == 0, run.All);
        var archive = root.Path / ".nuke/temp/images/events.tar";
        Assert.Equal(
            [
                $"image --format json --output {root.Path / "artifacts/scan/ScanSavedImage.json"} --exit-code 0 --scanners vuln --input {archive}",
                $"image --format cyclonedx --output {root.Path / "artifacts/scan/ScanSavedImage.cdx.json"} --input {archive}",
            ],
            trivy.CallLines);
        Assert.Contains("ScanSavedImage │ image archive .nuke/temp/images/events.tar: 0 critical, 0 high, 0 medium, 0 low, 0 unknown", run.Lines);

        var missing = await new PipelineBuilder().Add<ScanSavedImage>().Provide(new SavedImage("images/gone.tar")).RunAsync(root, ["ScanSavedImage"]);

        Assert.Equal(ExitCodes.TargetFailed, missing.ExitCode);
        Assert.Contains("No image archive at images/gone.tar: did the image build save it", missing.Output, StringComparison.Ordinal);
        Assert.Equal(2, trivy.CallLines.Count); // not run for the missing archive
    }

    [Fact]
    public async Task Without_trivy_the_run_stops_before_any_target_naming_how_to_install_it()
    {
        using var root = Module();
        Assert.Null(Requirements.FindOnPath("trivy")); // this machine has none: the check is real

        var run = await Pipeline(ScanPolicy.Blocking).Add<Prepare>().RunAsync(root, ["Scan"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("trivy", run.Error, StringComparison.Ordinal);
        Assert.Contains("https://trivy.dev/latest/getting-started/installation/", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(root.Path / "prepared"), "a target ran before the preflight stopped the run");
    }

    private static PipelineBuilder Pipeline(ScanPolicy policy, Severity threshold = Severity.High) =>
        new PipelineBuilder().Add<Scan>().Provide(new ScanSettings(policy, threshold));

    private static TempRoot Module()
    {
        var root = new TempRoot();
        root.Write("services/events/go.mod", "module example.com/events\n\ngo 1.22\n");
        root.Write("services/events/go.sum", "golang.org/x/net v0.7.0 h1:rJrUqqhjsgNp7KqAIc25s9pZnjU7TUcSY7HcVZjdn1g=\n");
        return root;
    }
}
