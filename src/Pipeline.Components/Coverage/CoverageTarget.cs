using Pipeline.Components.PullRequests;

namespace Pipeline.Components.Coverage;

/// <summary>
/// Collects coverage from every source, merges it with ReportGenerator into an HTML report
/// (<c>artifacts/coverage</c>), prints line coverage per package and in total, and fails below the
/// threshold. Under GitHub Actions the table goes to the run's page and, on a pull request with a
/// <c>GITHUB_TOKEN</c>, into one comment that each run updates.
/// <code>
/// public sealed class Coverage : CoverageTarget
/// {
///     protected override IEnumerable&lt;ICoverageSource&gt; Sources => [new GoCoverage("services/events")];
///     protected override Percentage Threshold => new(50);
/// }
/// </code>
/// </summary>
public abstract class CoverageTarget : Target
{
    /// <summary>Where the tests with coverage run, in order.</summary>
    protected abstract IEnumerable<ICoverageSource> Sources { get; }

    /// <summary>The least total line coverage that passes.</summary>
    protected abstract Percentage Threshold { get; }

    /// <summary>Whether to post the table on the pull request (needs <see cref="CommonParameters.GitHubToken"/>).</summary>
    protected virtual bool CommentOnPullRequest => true;

    /// <summary>
    /// Declares the report artifact, toolchains (.NET runs ReportGenerator), the sources' tools and CI
    /// steps, and the token, then what <see cref="Extend"/> adds.
    /// </summary>
    protected sealed override void Configure(TargetSpec target)
    {
        target.Description($"Measures line coverage; fails below {Threshold}").Produces(CoverageFiles.Artifact).Toolchain(Toolchain.DotNet);
        foreach (var toolchain in Sources.Select(s => s.Toolchain).Distinct())
        {
            target.Toolchain(toolchain);
        }

        foreach (var tool in Sources.SelectMany(s => s.Tools))
        {
            target.Requires(tool);
        }

        foreach (var step in Sources.SelectMany(s => s.CiSteps).Distinct())
        {
            target.CiStep(step);
        }

        if (CommentOnPullRequest)
        {
            target.Reads(CommonParameters.GitHubToken);
        }

        Extend(target);
    }

    /// <summary>
    /// What this pipeline adds to the Coverage target: relations, conditions, a description of its own.
    /// Called after the base's declarations, which it cannot drop.
    /// <code>protected override void Extend(TargetSpec target) => target.After&lt;Test&gt;();</code>
    /// </summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    protected override async Task RunAsync(TargetContext context)
    {
        var reports = new List<AbsolutePath>();
        foreach (var source in Sources)
        {
            reports.AddRange(await source.CollectAsync(context));
        }

        var merged = await ReportGenerator.MergeAsync(context, reports, context.RootDirectory / CoverageFiles.ReportDirectory);
        var coverage = CoberturaReport.Read(merged);
        if (coverage.ValidLines == 0)
        {
            throw new TargetFailedException("The coverage report has no coverable lines: did the tests run any code of the project?");
        }

        foreach (var line in CoverageTable.Text(coverage))
        {
            context.Log.Info(line);
        }

        context.Log.Info($"Report: {(context.RootDirectory / CoverageFiles.ReportDirectory / "index.html").RelativeTo(context.RootDirectory)}");
        context.StepSummary.Append(CoverageTable.Markdown(coverage, Threshold));
        context.Report(CoverageReportSection.Of(coverage, Threshold));
        if (CommentOnPullRequest)
        {
            await CommentAsync(context, coverage);
        }

        if (coverage.LineRate < Threshold)
        {
            throw new TargetFailedException($"line coverage {coverage.LineRate} is below the threshold {Threshold}");
        }
    }

    private async Task CommentAsync(TargetContext context, LineCoverage coverage)
    {
        if (PullRequest.Detect(context.GitHub) is not { } pullRequest)
        {
            return; // a local run, or not a pull request: nowhere to comment
        }

        if (!context.Parameters.TryGet(CommonParameters.GitHubToken, out var token) || string.IsNullOrEmpty(token))
        {
            context.Log.Warning($"No coverage comment on {pullRequest}: GITHUB_TOKEN is not set.");
            return;
        }

        try
        {
            var (change, id) = await PullRequestComments.For(pullRequest, token)
                .UpsertAsync(pullRequest, CoverageTable.CommentMarker, CoverageTable.Comment(coverage, Threshold));
            context.Log.Info($"Coverage comment {change.ToString().ToLowerInvariant()} on {pullRequest} (comment {id}).");
        }
        catch (Octokit.ApiException e)
        {
            // A pull request from a fork gets a read-only token: the comment is a courtesy, not the verdict.
            context.Log.Warning($"Could not comment on {pullRequest}: {(int)e.StatusCode} {e.Message}");
        }
    }
}
