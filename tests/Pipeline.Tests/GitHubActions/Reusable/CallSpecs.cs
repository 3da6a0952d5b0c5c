using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions.Reusable;

/// <summary>A workflow declared callable, and jobs that call it locally by type or remotely by pinned SHA.</summary>
public sealed class CallSpecs
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public async Task A_callable_workflow_declares_its_inputs_secrets_and_outputs_from_the_pipelines_types()
    {
        var callee = Workflows.Plan<BuildWorkflow>(Build.Pipeline().Builder());
        var yaml = RenderedYaml.Parse(callee);
        var call = yaml.At("on", "workflow_call");

        Assert.Equal(["configuration", "sign", "retries", "channel"], call.At("inputs").Keys());
        Assert.Equal("string", call.At("inputs", "configuration", "type").Text());
        Assert.Equal("Release", call.At("inputs", "configuration", "default").Text());
        Assert.Equal("boolean", call.At("inputs", "sign", "type").Text());
        Assert.Equal("number", call.At("inputs", "retries", "type").Text());
        Assert.Equal("true", call.At("inputs", "channel", "required").Text());
        Assert.Equal("Release channel", call.At("inputs", "channel", "description").Text());
        Assert.Equal(["NUGET_KEY"], call.At("secrets").Keys()); // A requires it: the callee's secret
        Assert.Equal("true", call.At("secrets", "NUGET_KEY", "required").Text());
        Assert.Equal("${{ jobs.a.outputs.version }}", call.At("outputs", "version", "value").Text());

        // Its job reads the inputs as a dispatched one does: the parameters, locally from the command line.
        Assert.Contains(new KeyValuePair<string, string>("CONFIGURATION", "${{ inputs.configuration }}"), callee["a"].BuildStep.Env);
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(callee), "build.yml");
    }

    [Fact]
    public async Task A_local_call_is_declared_by_type_with_typed_inputs_and_secrets_and_later_jobs_read_its_result_and_outputs()
    {
        var caller = InlineWorkflow.Plan(Build.Pipeline(), w => w
            .Call<B, BuildWorkflow>(c => c
                .With(Build.Configuration, "Debug")
                .With(Build.Sign, true)
                .With(Build.Retries, 3)
                .With(Build.Channel, Contexts.GitHub.RefName)
                .Secret(Build.NugetKey, Build.PublishKey)
                .Permissions(Permission.Contents.Read, Permission.Packages.Write))
            .Job<C>());
        var yaml = RenderedYaml.Parse(caller);
        var job = yaml.At("jobs", "b");

        Assert.Equal("./.github/workflows/build-workflow.yml", job.At("uses").Text());
        Assert.Equal("Debug", job.At("with", "configuration").Text());
        Assert.Equal("true", job.At("with", "sign").Text());
        Assert.Equal("3", job.At("with", "retries").Text());
        Assert.Equal("${{ github.ref_name }}", job.At("with", "channel").Text());
        Assert.Equal("${{ secrets.PUBLISH_KEY }}", job.At("secrets", "NUGET_KEY").Text()); // renamed
        Assert.Equal("write", job.At("permissions", "packages").Text());
        Assert.False(job.Has("runs-on") || job.Has("steps"), "a calling job has neither");

        Assert.Equal(["b"], yaml.At("jobs", "c", "needs").Items());
        Assert.Equal("needs.b.result == 'success'", yaml.At("jobs", "c", "if").Text());
        Assert.Contains(new KeyValuePair<string, string>("PIPELINE_OUTPUT_VERSION", "${{ needs.b.outputs.version }}"), caller["c"].BuildStep.Env);
        Assert.Empty(caller.Warnings);
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(caller), "release.yml");
    }

    [Fact]
    public async Task A_remote_call_is_pinned_by_SHA_with_its_tag_and_inherit_warns()
    {
        var caller = InlineWorkflow.Plan(Build.Pipeline(), w => w
            .Call<B>($"octo/shared/.github/workflows/build.yml@{Sha}", "v1.4.0", c => c
                .With("configuration", "Release").With("dry-run", false).InheritSecrets()
                .If(Condition.OnBranch("main")).Matrix("os", "ubuntu-24.04", "windows-2025")));
        var rendered = WorkflowRenderer.Render(caller);
        var job = RenderedYaml.Parse(rendered).At("jobs", "b");

        Assert.Contains($"uses: octo/shared/.github/workflows/build.yml@{Sha} # v1.4.0", rendered, StringComparison.Ordinal);
        Assert.Equal("inherit", job.At("secrets").Text());
        Assert.Equal("github.ref == 'refs/heads/main'", job.At("if").Text());
        Assert.Equal(["ubuntu-24.04", "windows-2025"], job.At("strategy", "matrix", "os").Items());
        Assert.Contains(caller.Warnings, w => w.Contains("secrets: inherit", StringComparison.Ordinal) && w.Contains("job b", StringComparison.Ordinal));
        await WorkflowLint.AssertCleanAsync(rendered, "remote.yml");
    }
}
