using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>Every generated job uploads the run's HTML report, whatever happened, under a name of its own.</summary>
public sealed class RunReportUploadSpecs
{
    [Fact]
    public async Task Each_job_uploads_its_report_after_the_build_even_when_it_failed()
    {
        var workflow = InlineWorkflow.Plan(new Script().Target<A>().Target<B>(t => t.DependsOn<A>()), w => w.Job<A>().Job<B>());

        foreach (var (job, name) in new[] { ("a", "run-report-a"), ("b", "run-report-b") })
        {
            var steps = workflow[job].Steps;
            var upload = steps.Single(s => s.Name == "Upload the run report");
            Assert.True(steps.ToList().IndexOf(upload) > steps.ToList().IndexOf(workflow[job].BuildStep));
            Assert.Equal("always()", upload.If);
            Assert.Equal(name, upload.With.Single(w => w.Key == "name").Value);
            Assert.Equal("artifacts/report/", upload.With.Single(w => w.Key == "path").Value);
            Assert.Equal("ignore", upload.With.Single(w => w.Key == "if-no-files-found").Value);

            // Then a direct link on the summary page, its URL through the environment, not the script.
            var link = steps[^1];
            Assert.Equal("Link the run report", link.Name);
            Assert.Equal("pipeline-run-report", upload.Id);
            Assert.Equal("always() && steps.pipeline-run-report.outputs.artifact-url != ''", link.If);
            Assert.Equal("${{ steps.pipeline-run-report.outputs.artifact-url }}", link.Env.Single(e => e.Key == "REPORT_URL").Value);
            Assert.DoesNotContain("${{", link.Run, StringComparison.Ordinal);
            Assert.Contains("$REPORT_URL", link.Run, StringComparison.Ordinal);
            Assert.Contains("$GITHUB_STEP_SUMMARY", link.Run, StringComparison.Ordinal);
        }

        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "report.yml");
    }

    [Fact]
    public void A_matrix_leg_names_its_report_by_its_index_as_its_values_may_not_make_a_name()
    {
        var script = new Script().Target<A>(t => t.Matrix(MatrixAxis.Of("platform", "linux/amd64", "linux/arm64")));

        var upload = InlineWorkflow.Plan(script, w => w.Job<A>())["a"].Steps.Single(s => s.Name == "Upload the run report");

        Assert.Equal("run-report-a-${{ strategy.job-index }}", upload.With.Single(w => w.Key == "name").Value);
    }

    [Fact]
    public void A_user_step_may_not_take_the_id_of_a_step_Pipeline_generates()
    {
        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(
            new Script().Target<A>(),
            w => w.Job<A>(j => j.AfterBuild(s => s.Name("Mine").Id("pipeline-run-report").Run("echo mine")))));

        Assert.Contains("has the id 'pipeline-run-report', which a step Pipeline generates has", error.Message, StringComparison.Ordinal);
    }
}
