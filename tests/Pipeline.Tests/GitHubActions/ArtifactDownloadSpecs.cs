using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>Downloads from a job that may be skipped are conditional; downloads by pattern; upload overwrite and retention.</summary>
public sealed class ArtifactDownloadSpecs
{
    private static readonly Artifact Packages = Artifact.Of("packages", "artifacts/packages");

    [Fact]
    public async Task A_download_from_a_job_its_condition_may_skip_runs_only_when_that_job_succeeded()
    {
        var workflow = InlineWorkflow.Plan(
            new Script()
                .Target<A>(t => t.Produces(Packages).OnlyWhen(Condition.OnBranch("main")))
                .Target<B>(t => t.After<A>())
                .Target<C>(t => t.After<B>().Consumes(Packages)),
            w => w.Job<A>().Job<B>().Job<C>());

        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal("needs.a.result == 'success'", yaml.Step("c", "Download packages").At("if").Text());
        Assert.Contains("a", workflow["c"].Needs);
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "conditional-download.yml");
    }

    [Fact]
    public void A_download_from_a_job_that_always_runs_has_no_condition()
    {
        var workflow = InlineWorkflow.Plan(
            new Script().Target<A>(t => t.Produces(Packages)).Target<B>(t => t.DependsOn<A>().Consumes(Packages)),
            w => w.Job<A>().Job<B>());

        Assert.Null(workflow["b"].Steps.Single(s => s.Name == "Download packages").If);
    }

    [Fact]
    public async Task Downloads_by_pattern_or_all_and_uploads_with_overwrite_and_retention()
    {
        var workflow = InlineWorkflow.Plan(
            new Script().Target<A>(t => t.Produces(Packages)).Target<B>(t => t.DependsOn<A>()),
            w => w
                .Job<A>(j => j.Upload(Packages, overwrite: true, retentionDays: 5))
                .Job<B>(j => j.DownloadArtifacts(pattern: "packages-*", path: "artifacts", mergeMultiple: true).DownloadArtifacts(path: "all")));

        var yaml = RenderedYaml.Parse(workflow);

        var upload = yaml.Step("a", "Upload packages").At("with");
        Assert.Equal("5", upload.At("retention-days").Text());
        Assert.Equal("true", upload.At("overwrite").Text());
        Assert.Equal(["pattern", "merge-multiple", "path"], yaml.Step("b", "Download packages-*").At("with").Keys());
        Assert.Equal(["path"], yaml.Step("b", "Download all artifacts").At("with").Keys());
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "downloads.yml");
    }

    [Fact]
    public void Upload_settings_for_an_artifact_the_job_does_not_produce_or_a_retention_GitHub_refuses_fail_generation()
    {
        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(
            new Script().Target<A>(t => t.Produces(Packages)).Target<B>(),
            w => w.Job<A>(j => j.Upload(Packages, retentionDays: 120)).Job<B>(j => j.Upload(Packages, overwrite: true))));

        Assert.Contains("the job A keeps the artifact packages 120 days; GitHub keeps an artifact 1 to 90 days", error.Message, StringComparison.Ordinal);
        Assert.Contains("the job B has upload settings for the artifact packages, which none of the targets it runs produces", error.Message, StringComparison.Ordinal);
    }
}
