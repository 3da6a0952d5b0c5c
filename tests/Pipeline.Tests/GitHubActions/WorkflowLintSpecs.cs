using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>The lint harness finds what it must (so a clean result means something), and the graph-shape fixtures are clean.</summary>
public sealed class WorkflowLintSpecs
{
    [Fact]
    public async Task It_reports_an_untrusted_expression_in_run_and_a_dangling_need()
    {
        const string Bad = """
            on: pull_request
            jobs:
              a:
                runs-on: ubuntu-latest
                needs: [missing]
                steps:
                  - run: echo "${{ github.event.pull_request.title }}"
            """;

        var findings = await WorkflowLint.FindingsAsync(Bad, "bad.yml");

        Assert.Contains(findings, f => f.Tool == "actionlint" && f.Message.Contains("potentially untrusted", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Tool == "actionlint" && f.Kind == "job-needs");
        Assert.Contains(findings, f => f.Tool == "workflow-parser");
    }

    [Fact]
    public async Task A_YAML_syntax_error_is_a_finding_of_both_checkers()
    {
        var findings = await WorkflowLint.FindingsAsync("on: push\njobs:\n  a: [\n", "broken.yml");

        Assert.Contains(findings, f => f.Tool == "workflow-parser");
        Assert.Contains(findings, f => f.Tool == "actionlint" && f.Kind == "syntax-check");
    }

    [Fact]
    public async Task This_repositorys_committed_workflows_pass_actionlint_and_GitHubs_parser()
    {
        // --generate --check (the CheckGenerated target) keeps these equal to what build/ generates.
        var files = Directory.GetFiles(WorkflowLint.RepositoryRoot / ".github" / "workflows", "*.yml").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["delivery.yml", "pull-request.yml"], files.Select(Path.GetFileName));
        foreach (var file in files)
        {
            await WorkflowLint.AssertCleanAsync(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), Path.GetFileName(file));
        }
    }

    public static TheoryData<string> Shapes() => ["diamond", "two-upstream-owners", "conditions"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Graph_shape_fixtures_pass_actionlint_and_GitHubs_parser(string shape)
    {
        var workflow = shape switch
        {
            "diamond" => InlineWorkflow.Plan(
                new Script().Target<A>().Target<B>(t => t.DependsOn<A>()).Target<C>(t => t.DependsOn<A>()).Target<D>(t => t.DependsOn<B>().DependsOn<C>()),
                w => w.Job<A>().Job<B>().Job<C>().Job<D>()),
            "two-upstream-owners" => InlineWorkflow.Plan(
                new Script().Target<E>().Target<B>(t => t.DependsOn<E>()).Target<C>(t => t.DependsOn<E>()).Target<D>(t => t.DependsOn<E>().DependsOn<B>().DependsOn<C>()),
                w => w.Job<B>().Job<C>().Job<D>()),
            _ => InlineWorkflow.Plan(
                new Script()
                    .Target<A>(t => t.OnlyWhen(!Condition.OnPullRequest & (Condition.OnBranch("main") | Condition.OnTag("v"))))
                    .Target<B>(t => t.DependsOn<A>().OnlyWhen(Condition.OnFailure))
                    .Target<C>(t => t.DependsOn<A>().AssuredAfterFailure().WarningOnly()),
                w => w.OnPullRequest().OnSchedule("30 4 * * 1-5").Concurrency(CancelInProgress.Always).Job<A>().Job<B>().Job<C>()),
        };

        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), shape + ".yml");
    }
}
