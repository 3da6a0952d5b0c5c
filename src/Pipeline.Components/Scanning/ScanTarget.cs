using Pipeline.Components.Tools;

namespace Pipeline.Components.Scanning;

/// <summary>
/// Scans a folder or an image for known vulnerabilities with Trivy, prints a count per severity and
/// every finding at or above the threshold (an annotation on the lock file under GitHub Actions), sets
/// the counts as a typed output, and then, by its policy, fails or only warns. With <see cref="WritesSbom"/> it
/// also writes the subject's software bill of materials (CycloneDX) and counts its components. In CI its job installs
/// Trivy through a pinned step and uploads the findings as SARIF to code scanning (that job alone is
/// granted <c>security-events: write</c>); locally Trivy must be on <c>PATH</c>, checked before anything runs.
/// <code>
/// public sealed class Scan : ScanTarget
/// {
///     protected override ScanSubject Subject => ScanSubject.Folder(".");
///     protected override Severity Threshold => Severity.Critical;
///     protected override ScanPolicy PolicyFor(TargetContext context) =>
///         context.Get(Deploy.Environment) == "production" ? ScanPolicy.Blocking : ScanPolicy.WarningOnly;
/// }
/// </code>
/// </summary>
public abstract class ScanTarget : Target
{
    private const int IdsInMessage = 5;

    /// <summary>The folder or image to scan (also what the target's description names).</summary>
    protected abstract ScanSubject Subject { get; }

    /// <summary>
    /// The subject of this run: by default <see cref="Subject"/>; override when it is known only at run
    /// time, such as the tag or the saved archive of the image a build target just made.
    /// </summary>
    protected virtual ScanSubject SubjectFor(TargetContext context) => Subject;

    /// <summary>
    /// Also write the subject's software bill of materials, CycloneDX JSON (<c>trivy --format cyclonedx</c>), into
    /// <c>artifacts/scan/&lt;target&gt;.cdx.json</c>, report how many components it lists, and upload it in CI
    /// (artifact <c>&lt;target-in-kebab-case&gt;-sbom</c>). Off by default: a second Trivy run.
    /// </summary>
    protected virtual bool WritesSbom => false;

    /// <summary>The least severity that counts against the policy; less severe findings are only counted.</summary>
    protected virtual Severity Threshold => Severity.High;

    /// <summary>What findings at or above the threshold do, unless <see cref="PolicyFor"/> decides per run.</summary>
    protected virtual ScanPolicy Policy => ScanPolicy.Blocking;

    /// <summary>The output the counts go to; a pipeline with two scans gives the second one its own.</summary>
    protected virtual Output<VulnerabilityCounts> Counts => ScanOutputs.Vulnerabilities;

    /// <summary>Whether CI uploads the findings to GitHub code scanning (SARIF).</summary>
    protected virtual bool UploadToCodeScanning => true;

    /// <summary>The policy of this run: by default <see cref="Policy"/>; override to decide from a parameter or the branch.</summary>
    protected virtual ScanPolicy PolicyFor(TargetContext context) => Policy;

    /// <summary>Declares Trivy (checked before anything runs, installed in CI), the counts output and the SARIF upload, then what <see cref="Extend"/> adds.</summary>
    protected sealed override void Configure(TargetSpec target)
    {
        var name = GetType().Name; // the target's name: its class's
        target
            .Description($"Scans {Subject} with Trivy; findings at {ScanTable.Name(Threshold)} or above {(Policy == ScanPolicy.Blocking ? "fail it" : "warn")}")
            .Requires(Trivy.Tool)
            .Produces(Counts)
            .CiStep(Trivy.Setup);
        if (UploadToCodeScanning)
        {
            target.CiStep(Trivy.UploadSarif(ScanFiles.Sarif(name), name));
        }

        if (WritesSbom)
        {
            target.Produces(ScanFiles.SbomArtifact(name));
        }

        Extend(target);
    }

    /// <summary>
    /// What this pipeline adds to the scan target: relations, conditions, a description of its own.
    /// Called after the base's declarations, which it cannot drop.
    /// <code>protected override void Extend(TargetSpec target) => target.DependsOn&lt;BuildImage&gt;();</code>
    /// </summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    protected override async Task RunAsync(TargetContext context)
    {
        var subject = SubjectFor(context);
        var policy = PolicyFor(context);
        var report = context.RootDirectory / ScanFiles.Json(context.TargetName);
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        File.Delete(report); // a report left by an earlier run must not pass for this one's

        var scanned = subject.Arguments(context.RootDirectory);
        if (subject.IsArchive && !File.Exists(scanned[^1]))
        {
            throw new TargetFailedException($"No image archive at {subject.Value}: did the image build save it (it does in GitHub Actions) and did this job download it?");
        }

        // Exit code 0 whatever it finds: the threshold and the policy are decided here, from the report.
        await context.RunAsync(new ToolCommand("trivy").AddArguments(
            [subject.Command, "--format", "json", "--output", report, "--exit-code", "0", "--scanners", "vuln", .. scanned]));
        if (!File.Exists(report))
        {
            throw new TargetFailedException($"trivy exited without writing its report {ScanFiles.Json(context.TargetName)}.");
        }

        if (context.GitHub.IsActions && UploadToCodeScanning)
        {
            var sarif = context.RootDirectory / ScanFiles.Sarif(context.TargetName);
            await context.RunAsync(new ToolCommand("trivy").AddArguments("convert", "--format", "sarif", "--output", sarif, report));
        }

        var components = WritesSbom ? await WriteSbomAsync(context, subject, scanned) : (int?)null;
        var findings = TrivyReport.Parse(await File.ReadAllTextAsync(report, context.Cancellation));
        var counts = VulnerabilityCounts.Of(findings);
        var reported = findings.Where(f => f.Severity >= Threshold).ToList();
        context.Set(Counts, counts);

        context.Log.Info($"{subject}: {counts}");
        foreach (var line in ScanTable.Text(counts, reported))
        {
            context.Log.Info(line);
        }

        context.StepSummary.Append(ScanTable.Markdown(subject, counts, reported, Threshold, policy));
        context.Report(ScanTable.Section(subject, counts, reported, Threshold, policy));
        if (components is { } count)
        {
            var line = $"SBOM: {count} {(count == 1 ? "component" : "components")} ({ScanFiles.Sbom(context.TargetName)}, CycloneDX)";
            context.Log.Info(line);
            context.StepSummary.Append(["", line]);
            context.Report(new ReportSection($"Software bill of materials of {subject}", line));
        }
        var level = policy == ScanPolicy.Blocking ? LogLevel.Error : LogLevel.Warning;
        foreach (var finding in reported.Take(ScanTable.ListedFindings))
        {
            Annotate(context, subject, finding, level);
        }

        if (reported.Count == 0)
        {
            return;
        }

        var what = $"{reported.Count} {(reported.Count == 1 ? "vulnerability" : "vulnerabilities")} at or above {ScanTable.Name(Threshold)} in {subject}: " +
            string.Join(", ", reported.Select(f => f.Id).Distinct().Take(IdsInMessage)) +
            (reported.Select(f => f.Id).Distinct().Count() > IdsInMessage ? " and more" : "");
        if (policy == ScanPolicy.Blocking)
        {
            throw new TargetFailedException(what);
        }

        context.Log.Warning($"{what} (warning only: the scan does not block this run)");
    }

    /// <summary>Runs Trivy again on the same subject for its CycloneDX SBOM, and returns how many components it lists.</summary>
    private static async Task<int> WriteSbomAsync(TargetContext context, ScanSubject subject, IReadOnlyList<string> scanned)
    {
        var sbom = context.RootDirectory / ScanFiles.Sbom(context.TargetName);
        File.Delete(sbom); // an SBOM left by an earlier run must not pass for this one's
        await context.RunAsync(new ToolCommand("trivy").AddArguments([subject.Command, "--format", "cyclonedx", "--output", sbom, .. scanned]));
        if (!File.Exists(sbom))
        {
            throw new TargetFailedException($"trivy exited without writing the SBOM {ScanFiles.Sbom(context.TargetName)}.");
        }

        return CycloneDxSbom.ComponentCount(await File.ReadAllTextAsync(sbom, context.Cancellation));
    }

    // On the lock file that pulls the package in, when the scan was of a folder; an image has no file to point at.
    private static void Annotate(TargetContext context, ScanSubject subject, Vulnerability finding, LogLevel level)
    {
        var message = $"{finding.Id} in {finding.Package} {finding.InstalledVersion} ({ScanTable.Name(finding.Severity)})"
            + (finding.FixedVersion is { Length: > 0 } fixedIn ? $", fixed in {fixedIn}" : ", no fix yet")
            + (finding.Title.Length > 0 ? $": {finding.Title}" : "");
        if (subject.IsFolder && finding.Target.Length > 0)
        {
            var folder = ReportedPath.Directory(subject.Value, context.RootDirectory);
            var file = ReportedPath.RelativeToRoot(finding.Target, folder, context.RootDirectory);
            if (File.Exists(context.RootDirectory / file))
            {
                context.Log.Annotate(level, new SourceLocation(file, 1), message);
                return;
            }
        }

        context.Log.Write(level, $"{finding.Target}: {message}");
    }
}
