using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>
/// An artifact family (<see cref="Artifact.Member"/>): several producers each upload a member of their
/// own, and a job consuming the family downloads every member by name, where its producer wrote it.
/// </summary>
public sealed class ArtifactFamilySpecs
{
    private static readonly Artifact Images = Artifact.Of("images", "out/images");
    private static readonly Artifact ApiImages = Images.Member("api", "out/images/api");
    private static readonly Artifact WorkerImages = Images.Member("worker", "out/images/worker");

    [Fact]
    public void A_member_is_named_after_its_family_and_belongs_to_it()
    {
        var member = (Images with { RetentionDays = 3 }).Member("api", "out/images/api");

        Assert.Equal("images-api", member.Name);
        Assert.Equal("images", member.Family);
        Assert.Equal(3, member.RetentionDays);
        Assert.True(Images.Includes(member));
        Assert.True(Images.Includes(Images));
        Assert.False(ApiImages.Includes(WorkerImages));
        Assert.NotEqual(member, Artifact.Of("images-api", "out/images/api")); // the same name and paths, yet no member
        Assert.Throws<ArgumentException>(() => Images.Member("a/b", "out"));
    }

    [Fact]
    public async Task Each_producer_job_uploads_its_member_with_the_familys_settings_and_a_consumer_of_the_family_downloads_each_by_name_with_its_own_condition()
    {
        var workflow = InlineWorkflow.Plan(
            new Script()
                .Target<A>(t => t.Produces(ApiImages))
                .Target<B>(t => t.Produces(WorkerImages).OnlyWhen(Condition.OnBranch("main")))
                .Target<C>(t => t.DependsOn<A>().DependsOn<B>().Consumes(Images)),
            w => w.Job<A>(j => j.Upload(Images, retentionDays: 2)).Job<B>().Job<C>());

        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal("images-api", yaml.Step("a", "Upload images-api").At("with", "name").Text());
        Assert.Equal("out/images/api", yaml.Step("a", "Upload images-api").At("with", "path").Text());
        Assert.Equal("2", yaml.Step("a", "Upload images-api").At("with", "retention-days").Text()); // the family's settings reach its member
        Assert.Equal("images-worker", yaml.Step("b", "Upload images-worker").At("with", "name").Text());
        var downloads = yaml.StepNames("c").Where(n => n.StartsWith("Download", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Download images-api", "Download images-worker"], downloads);
        Assert.Equal(["name", "path"], yaml.Step("c", "Download images-api").At("with").Keys());
        Assert.Equal("out/images/api", yaml.Step("c", "Download images-api").At("with", "path").Text());
        Assert.Equal("out/images/worker", yaml.Step("c", "Download images-worker").At("with", "path").Text());
        Assert.False(yaml.Step("c", "Download images-api").Has("if"));
        Assert.Equal("needs.b.result == 'success'", yaml.Step("c", "Download images-worker").At("if").Text()); // B's job may be skipped
        Assert.Equal(["a", "b"], workflow["c"].Needs.Order(StringComparer.Ordinal));
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "artifact-family.yml");
    }

    [Fact]
    public void A_member_made_in_the_consuming_job_is_not_downloaded_and_a_family_download_is_made_once()
    {
        var workflow = InlineWorkflow.Plan(
            new Script()
                .Target<A>(t => t.Produces(ApiImages))
                .Target<B>(t => t.Produces(WorkerImages))
                .Target<C>(t => t.DependsOn<A>().DependsOn<B>().Consumes(Images).Consumes(WorkerImages)),
            w => w.Job<A>().Job<C>());

        var downloads = workflow["c"].Steps.Where(s => s.Name.StartsWith("Download", StringComparison.Ordinal)).Select(s => s.Name);

        Assert.Equal(["Download images-api"], downloads); // B runs in C's job: its member is already on disk
        Assert.Contains(workflow["c"].Steps, s => s.Name == "Upload images-worker");
    }

    [Fact]
    public void A_consumer_that_does_not_wait_for_every_producer_of_the_family_fails_generation_naming_the_one_to_depend_on()
    {
        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(
            new Script()
                .Target<A>(t => t.Produces(ApiImages))
                .Target<B>(t => t.Produces(WorkerImages))
                .Target<C>(t => t.DependsOn<A>().Consumes(Images)),
            w => w.Job<A>().Job<B>().Job<C>()));

        Assert.Contains("C consumes the artifact images, but B, which produces its member images-worker, runs in no job that C waits for. Make C depend on B.",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_family_no_target_produces_a_member_of_fails_generation()
    {
        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(
            new Script().Target<A>(t => t.Produces(Artifact.Of("images-api", "out/images/api"))).Target<B>(t => t.DependsOn<A>().Consumes(Images)),
            w => w.Job<A>().Job<B>()));

        Assert.Contains("B consumes the artifact images, which no target produces.", error.Message, StringComparison.Ordinal);
    }
}
