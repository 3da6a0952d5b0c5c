using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>Every permission scope GitHub knows, the read-all/write-all/{} shorthands, levels checked, and jobs narrowing the workflow's.</summary>
public sealed class PermissionScopeSpecs
{
    private static readonly Permission[] Scopes =
    [
        Permission.Actions, Permission.Attestations, Permission.Checks, Permission.Contents,
        Permission.Deployments, Permission.Discussions, Permission.Issues, Permission.Packages, Permission.Pages,
        Permission.PullRequests, Permission.RepositoryProjects, Permission.SecurityEvents, Permission.Statuses,
    ];

    [Fact]
    public async Task Every_scope_is_written_and_GitHub_and_actionlint_accept_it()
    {
        var workflow = InlineWorkflow.Plan(
            new Script().Target<A>().Target<B>().Target<C>(),
            w => w
                .Permissions([.. Scopes.Select(s => s.Write), Permission.IdToken.Write])
                .Job<A>(j => j.Permissions(Permission.Contents.Read))
                .Job<B>(j => j.PermissionsReadAll())
                .Job<C>(j => j.Permissions()));

        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal(14, yaml.At("permissions").Keys().Count);
        Assert.Equal("write", yaml.At("permissions", "id-token").Text());
        Assert.Equal(["contents"], yaml.At("jobs", "a", "permissions").Keys()); // narrower than the workflow's
        Assert.Equal("read-all", yaml.At("jobs", "b", "permissions").Text());
        Assert.Empty(yaml.At("jobs", "c", "permissions").Keys());
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "scopes.yml");
    }

    /// <summary>
    /// GitHub added artifact-metadata and models after actionlint 1.7.7, which still calls them
    /// unknown: GitHub's own parser accepts them, and those two are actionlint's only findings.
    /// </summary>
    [Fact]
    public async Task The_scopes_newer_than_actionlint_are_accepted_by_GitHubs_parser()
    {
        var workflow = InlineWorkflow.Plan(
            new Script().Target<A>(),
            w => w.Permissions(Permission.ArtifactMetadata.Write, Permission.Models.Read, Permission.Contents.Read).Job<A>());

        var yaml = RenderedYaml.Parse(workflow);
        var findings = await WorkflowLint.FindingsAsync(WorkflowRenderer.Render(workflow), "new-scopes.yml");

        Assert.Equal("write", yaml.At("permissions", "artifact-metadata").Text());
        Assert.Equal("read", yaml.At("permissions", "models").Text());
        Assert.DoesNotContain(findings, f => f.Tool != "actionlint");
        Assert.Equal(
            ["unknown permission scope \"artifact-metadata\"", "unknown permission scope \"models\""],
            findings.Select(f => f.Message[..f.Message.IndexOf('.', StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task The_workflow_can_read_or_write_all_and_a_job_narrows_it()
    {
        var workflow = InlineWorkflow.Plan(
            new Script().Target<A>(),
            w => w.PermissionsWriteAll().Job<A>(j => j.Permissions(Permission.Contents.Read, Permission.Packages.Write)));

        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal("write-all", yaml.At("permissions").Text());
        Assert.Equal(["contents", "packages"], yaml.At("jobs", "a", "permissions").Keys());
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "write-all.yml");
    }

    [Fact]
    public void Id_token_read_and_models_write_fail_generation_as_GitHub_would_reject_them()
    {
        var workflowError = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(
            new Script().Target<A>(), w => w.Permissions(Permission.IdToken.Read).Job<A>()));
        var jobError = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(
            new Script().Target<A>(), w => w.Job<A>(j => j.Permissions(Permission.Models.Write))));

        Assert.Contains("the workflow grants id-token: read, which GitHub rejects: id-token is write or none", workflowError.Message, StringComparison.Ordinal);
        Assert.Contains("the job A grants models: write, which GitHub rejects: models is read or none", jobError.Message, StringComparison.Ordinal);
    }
}
