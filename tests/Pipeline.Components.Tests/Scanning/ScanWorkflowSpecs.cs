using Pipeline.Components.Scanning;
using Pipeline.Components.Tests.Support;
using Pipeline.GitHubActions;

namespace Pipeline.Components.Tests.Scanning;

/// <summary>A scan and the report after it, as a workflow.</summary>
public sealed class SecurityWorkflow : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Security")
        .OnPush(branches: ["main"])
        .OnSchedule("0 6 * * *")
        .Job<Scan>()
        .Job<SecurityReport>();
}

public sealed class ScanWorkflowSpecs
{
    [Fact]
    public async Task The_scan_job_installs_Trivy_by_a_pinned_step_uploads_SARIF_and_alone_gets_security_events_write()
    {
        using var root = new TempRoot();
        var pipeline = new PipelineBuilder()
            .Add<Scan>().Add<SecurityReport>()
            .Provide(new ScanSettings(ScanPolicy.Blocking))
            .Workflows(w => w.Add<SecurityWorkflow>());

        var run = await pipeline.RunAsync(root, ["--generate"]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var yaml = File.ReadAllText(Directory.GetFiles(root.Path / ".github" / "workflows", "*.yml").Single());
        var scan = WorkflowText.Job(yaml, "scan");
        var install = scan.IndexOf("uses: aquasecurity/setup-trivy@81e514348e19b6112ce2a7e3ecbafe19c1e1f567 # v0.3.1", StringComparison.Ordinal);
        var build = scan.IndexOf("run: ./build.sh Scan", StringComparison.Ordinal);
        var upload = scan.IndexOf("uses: github/codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e # v4.36.2", StringComparison.Ordinal);
        Assert.True(install > 0 && build > install && upload > build, scan);
        Assert.Contains("version: v0.61.0", scan, StringComparison.Ordinal);
        Assert.Contains("sarif_file: artifacts/scan/Scan.sarif", scan, StringComparison.Ordinal);
        Assert.Contains("if: always() && hashFiles('artifacts/scan/Scan.sarif') != ''", scan, StringComparison.Ordinal);
        Assert.Contains("    permissions:\n      contents: read\n      security-events: write\n", scan, StringComparison.Ordinal);
        var report = WorkflowText.Job(yaml, "security-report");
        Assert.DoesNotContain("permissions:", report, StringComparison.Ordinal);
        Assert.DoesNotContain("security-events", yaml[..yaml.IndexOf("jobs:", StringComparison.Ordinal)], StringComparison.Ordinal); // not the workflow's
        Assert.Contains("PIPELINE_OUTPUT_VULNERABILITIES: ${{ needs.scan.outputs.vulnerabilities }}", report, StringComparison.Ordinal);
        await WorkflowLint.AssertCleanAsync(yaml, "security.yml");
    }

    [Fact]
    public async Task A_scan_that_writes_an_SBOM_uploads_it_as_an_artifact_named_after_the_scan()
    {
        using var root = new TempRoot();
        var pipeline = new PipelineBuilder()
            .Add<Scan>().Add<ScanImageWithSbom>()
            .Provide(new ScanSettings(ScanPolicy.Blocking))
            .Workflows(w => w.Add<ImageScanWorkflow>());

        var run = await pipeline.RunAsync(root, ["--generate"]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var yaml = File.ReadAllText(Directory.GetFiles(root.Path / ".github" / "workflows", "*.yml").Single());
        var withSbom = WorkflowText.Job(yaml, "scan-image-with-sbom");
        Assert.Contains("name: scan-image-with-sbom-sbom", withSbom, StringComparison.Ordinal);
        Assert.Contains("path: artifacts/scan/ScanImageWithSbom.cdx.json", withSbom, StringComparison.Ordinal);
        Assert.DoesNotContain("-sbom", WorkflowText.Job(yaml, "scan"), StringComparison.Ordinal); // opt-in
        await WorkflowLint.AssertCleanAsync(yaml, "image-scan.yml");
    }

    [Fact]
    public async Task A_read_all_job_cannot_take_the_write_its_scan_needs_and_generation_says_so()
    {
        using var root = new TempRoot();
        var pipeline = new PipelineBuilder()
            .Add<Scan>()
            .Provide(new ScanSettings(ScanPolicy.Blocking))
            .Workflows(w => w.Add<ReadAllScanWorkflow>());

        var run = await pipeline.RunAsync(root, ["--generate"]);

        Assert.Equal(ExitCodes.Definition, run.ExitCode);
        Assert.Contains("the job Scan grants read-all, but its steps 'Upload the scan to code scanning' of Scan need security-events: write", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_lists_the_steps_CI_runs_besides_the_scan()
    {
        using var root = new TempRoot();
        var pipeline = new PipelineBuilder()
            .Add<Scan>()
            .Provide(new ScanSettings(ScanPolicy.Blocking))
            .Workflows(w => w.Add<SecurityWorkflowOfScan>());

        var run = await pipeline.RunAsync(root, ["Scan", "--plan"]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("before: Install Trivy, in CI only", run.Output, StringComparison.Ordinal);
        Assert.Contains("after: Upload the scan to code scanning, in CI only", run.Output, StringComparison.Ordinal);
    }
}

public sealed class ImageScanWorkflow : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow.OnPush(branches: ["main"]).Job<Scan>().Job<ScanImageWithSbom>();
}

public sealed class ReadAllScanWorkflow : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow.OnPush(branches: ["main"]).Job<Scan>(j => j.PermissionsReadAll());
}

public sealed class SecurityWorkflowOfScan : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow.OnPush(branches: ["main"]).Job<Scan>();
}

/// <summary>Reading generated YAML in assertions.</summary>
internal static class WorkflowText
{
    /// <summary>The text of one job: from its key to the next job's key.</summary>
    public static string Job(string yaml, string id)
    {
        var lines = yaml.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == $"  {id}:");
        Assert.True(start >= 0, $"no job {id} in\n{yaml}");
        var end = Array.FindIndex(lines, start + 1, l => l.Length > 2 && l[2] != ' ' && l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }
}
