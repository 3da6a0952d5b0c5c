namespace Pipeline.Components.Linting;

/// <summary>
/// A reusable Lint target: runs the linters, shows each finding at its file and line (a GitHub
/// annotation under Actions) and fails when any is an error. Subclass it and name the linters:
/// <code>protected override IEnumerable&lt;ILinter&gt; Linters => [new GoVet("services/events"), new CargoClippy()];</code>
/// </summary>
public abstract class LintTarget : Target
{
    private const int FindingsInMessage = 20;

    /// <summary>The linters to run, in order; each covers its own part of the repository.</summary>
    protected abstract IEnumerable<ILinter> Linters { get; }

    /// <summary>Declares the linters' toolchains, then what <see cref="Extend"/> adds.</summary>
    protected sealed override void Configure(TargetSpec target)
    {
        target.Description("Fails when a linter reports an error");
        foreach (var toolchain in Linters.Select(l => l.Toolchain).Distinct())
        {
            target.Toolchain(toolchain);
        }

        foreach (var tool in Linters.SelectMany(l => l.Tools))
        {
            target.Requires(tool);
        }

        Extend(target);
    }

    /// <summary>
    /// What this pipeline adds to the Lint target: relations, conditions, a description of its own.
    /// Called after the base's declarations, which it cannot drop.
    /// <code>protected override void Extend(TargetSpec target) => target.DependsOn&lt;Restore&gt;();</code>
    /// </summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    protected override async Task RunAsync(TargetContext context)
    {
        var findings = new List<LintFinding>();
        foreach (var linter in Linters)
        {
            var report = await linter.LintAsync(context);
            context.Log.Info($"{linter.Name}: {report.Findings.Count} {(report.Findings.Count == 1 ? "finding" : "findings")}");
            findings.AddRange(report.Findings);
        }

        // Two linters (go vet and golangci-lint, say) may report the same thing: show it once.
        var distinct = LintReport.Of("all", findings).Findings;
        foreach (var finding in distinct)
        {
            context.Log.Annotate(finding.Severity, finding.Location, finding.Rule is null ? finding.Message : $"{finding.Message} [{finding.Rule}]");
        }

        var errors = distinct.Where(f => f.Severity == LogLevel.Error).ToList();
        if (errors.Count > 0)
        {
            var listed = errors.Take(FindingsInMessage).Select(f => "  " + f);
            var more = errors.Count > FindingsInMessage ? [$"  … and {errors.Count - FindingsInMessage} more"] : Array.Empty<string>();
            throw new TargetFailedException($"{errors.Count} lint {(errors.Count == 1 ? "error" : "errors")}:\n" + string.Join('\n', listed.Concat(more)));
        }
    }
}
