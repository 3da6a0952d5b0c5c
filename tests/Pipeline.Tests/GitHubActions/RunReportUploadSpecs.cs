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
}
