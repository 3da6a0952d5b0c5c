using EventAndTicket.Build;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Samples;

/// <summary>
/// samples/event-and-ticket's committed workflow: current, clean under actionlint and GitHub's parser,
/// and the seed's job graph — Test (PostgreSQL) ‖ Lint, then Build, which alone may push, then GitOps.
/// </summary>
public sealed class EventAndTicketWorkflowSpecs
{
    private static readonly AbsolutePath Sample = WorkflowLint.RepositoryRoot / "samples" / "event-and-ticket";

    private static Task<string> CiAsync() => File.ReadAllTextAsync(Sample / ".github" / "workflows" / "ci.yml", TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_committed_generated_files_match_the_pipeline()
    {
        // --check writes nothing, so it can run on the sample itself.
        var check = await PipelineRun.RunAsync(EventAndTicketPipeline.Create(), Sample, "--generate", "--check");

        Assert.True(check.ExitCode == 0, check.ToString());
    }

    [Fact]
    public async Task The_workflow_lints_clean() => await WorkflowLint.AssertCleanAsync(await CiAsync(), "ci.yml");

    [Fact]
    public async Task Test_and_Lint_run_side_by_side_then_Build_then_the_GitOps_bump()
    {
        var yaml = await CiAsync();

        Assert.Equal(["coverage", "lint", "push", "deploy"], JobIds(yaml));
        Assert.Contains("  coverage:\n    name: Test\n    runs-on: ubuntu-latest\n    timeout-minutes: 15\n", yaml, StringComparison.Ordinal); // no needs: first
        Assert.Contains("  lint:\n    name: Lint\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  push:\n    name: Build\n    needs: [coverage, lint]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  deploy:\n    name: GitOps\n    needs: [push]\n", yaml, StringComparison.Ordinal);

        // Each job runs its own targets: Test's job measures coverage, Lint's checks formatting first, Build compiles.
        Assert.Contains("run: ./build.sh Coverage\n", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./build.sh Lint\n", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./build.sh Push --skip Format Lint Test Coverage\n", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./build.sh Deploy --skip Format Lint Test Coverage Compile BuildImages Push\n", yaml, StringComparison.Ordinal);
        Assert.Equal(3, Count(yaml, "go-version-file: services/events/go.mod")); // no go.mod at the root
        Assert.DoesNotContain("go-version-file: go.mod", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_test_job_has_PostgreSQL_and_its_tests_get_DATABASE_URL()
    {
        var yaml = await CiAsync();

        Assert.Equal(1, Count(yaml, "    services:\n"));
        Assert.Contains("      postgres:\n        image: postgres:16-alpine\n", yaml, StringComparison.Ordinal);
        Assert.Contains("          POSTGRES_DB: tickets_test\n", yaml, StringComparison.Ordinal);
        Assert.Contains("          - '5432:5432'\n", yaml, StringComparison.Ordinal); // quoted: YAML 1.1 reads 5432:5432 as a number
        Assert.Contains("--health-cmd \"pg_isready -h 127.0.0.1 -U postgres -d tickets_test\"", yaml, StringComparison.Ordinal);
        Assert.Contains("DATABASE_URL: postgres://postgres:postgres@localhost:5432/tickets_test\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Permissions_are_least_privilege_and_only_Build_may_write_packages()
    {
        var yaml = await CiAsync();

        Assert.Contains("permissions:\n  contents: read\nconcurrency:", yaml, StringComparison.Ordinal);
        Assert.Equal(1, Count(yaml, "packages: write"));
        Assert.Contains("    permissions:\n      contents: read\n      packages: write\n    timeout-minutes: 20\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    environment:\n      name: production\n    permissions:\n      contents: read\n      deployments: write\n", yaml, StringComparison.Ordinal);
        Assert.Contains("GITOPS_TOKEN: ${{ secrets.GITOPS_TOKEN }}", yaml, StringComparison.Ordinal);
        Assert.Contains("GITOPS_REPOSITORY: ${{ vars.GITOPS_REPOSITORY }}", yaml, StringComparison.Ordinal);
        Assert.Equal(1, Count(yaml, "secrets.GITOPS_TOKEN"));
        Assert.Contains("cancel-in-progress: ${{ github.event_name == 'pull_request' }}", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_requests_build_the_images_but_hand_nothing_pushed_to_the_GitOps_job()
    {
        var yaml = await CiAsync();

        Assert.Contains("  push:\n    branches: [main]\n  pull_request:\n    branches: [main]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      - name: Upload pushed-images\n        if: \"!(github.event_name == 'pull_request')\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      - name: Download pushed-images\n        if: \"!(github.event_name == 'pull_request')\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("No cache is restored in this workflow", yaml, StringComparison.Ordinal); // it publishes
    }

    private static string[] JobIds(string yaml)
    {
        var jobs = yaml[(yaml.IndexOf("\njobs:\n", StringComparison.Ordinal) + 7)..];
        return [.. jobs.Split('\n').Where(l => l.Length > 3 && l.StartsWith("  ", StringComparison.Ordinal) && l[2] != ' ' && l.EndsWith(':')).Select(l => l.Trim().TrimEnd(':'))];
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
