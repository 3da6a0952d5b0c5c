using EventAndTicket.Build;
using Pipeline.Delivery.Tests.Deployment.GitOps;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Samples;

/// <summary>
/// samples/event-and-ticket's default target on a copy of the sample committed on main: gates with a
/// real PostgreSQL, both images built with latest, pushed to the embedded registry, and both bumped in
/// the local GitOps repository; a second deploy of the same images makes no commit.
/// </summary>
[Collection(SampleRuns.Collection)]
public sealed class EventAndTicketPipelineSpecs
{
    [Fact]
    public async Task Deploy_runs_every_gate_pushes_both_images_with_latest_on_main_and_bumps_both_in_the_GitOps_repository()
    {
        Requirements.Tool("go");
        Requirements.Tool("git");
        Requirements.Docker();
        using var sample = await SampleCopy.CommittedAsync("event-and-ticket");
        var variables = LocalVariables();
        var shortSha = GitRepositories.Git(sample.Path, "rev-parse", "--short=7", "HEAD").Trim();
        try
        {
            var run = await PipelineRun.RunAsync(Pipeline(), sample.Path, variables);

            Assert.True(run.ExitCode == 0, run.ToString());
            foreach (var target in new[] { "Format", "Lint", "Test", "Coverage", "Compile", "BuildImages", "Push", "PrepareGitOps", "DeployEvents", "DeployTickets", "Deploy" })
            {
                Assert.Matches($@"(?m)^{target} +[0-9][^│\n]* succeeded", run.Output);
            }

            Assert.Contains("go services/tickets: 3 passed, 0 failed, 0 skipped", run.Output, StringComparison.Ordinal); // the PostgreSQL test ran
            Assert.Contains("Service postgres (", run.Output, StringComparison.Ordinal);
            Assert.Matches($@"Commit {shortSha} on main: tags [0-9a-f]{{40}}, {shortSha}, main, latest", run.Output);
            Assert.Matches(@"Pushed 127\.0\.0\.1:\d+/event-service@sha256:[0-9a-f]{64}", run.Output);
            Assert.Matches(@"Pushed 127\.0\.0\.1:\d+/ticket-service@sha256:[0-9a-f]{64}", run.Output);

            var gitops = PrepareGitOps.LocalRepository(sample.Path);
            foreach (var service in new[] { "event-service", "ticket-service" })
            {
                var values = GitRepositories.Git(gitops, "show", $"main:apps/{service}/values.yaml");
                // A short SHA YAML would read as a number (all digits, or digits 'e' digits) is written quoted.
                var tag = System.Text.RegularExpressions.Regex.IsMatch(shortSha, "^[0-9]+(e[0-9]+)?$") ? $"\"{shortSha}\"" : shortSha;
                Assert.Contains($"  tag: {tag}\n", values, StringComparison.Ordinal);
                Assert.Contains($"  repository: ghcr.io/dws-org/{service}\n", values, StringComparison.Ordinal); // only the tag changes
            }

            var commits = GitRepositories.Git(gitops, "log", "--format=%s", "main");
            Assert.Equal(
                [$"Deploy event-service {shortSha} to production", $"Deploy ticket-service {shortSha} to production", "The services' manifests"],
                commits.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

            // Deploying the same images again: Argo CD's repository already says so, nothing to commit.
            var again = await PipelineRun.RunAsync(Pipeline(), sample.Path, variables, "Deploy", "--skip", "Format", "Lint", "Test", "Coverage", "Compile", "BuildImages", "Push");

            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Contains("The local GitOps repository is already there", again.Output, StringComparison.Ordinal);
            Assert.Contains($"already at {shortSha}", again.Output, StringComparison.Ordinal);
            Assert.Equal(commits, GitRepositories.Git(gitops, "log", "--format=%s", "main"));
        }
        finally
        {
            await TargetHarness.RunAsync(new EmbeddedRegistry(sample.Path).StopAsync);
        }
    }

    private static PipelineBuilder Pipeline() => EventAndTicketPipeline.Create();

    /// <summary>This machine's variables (PIPELINE_POSTGRES_IMAGE, PATH, Docker's) without any GitHub run's: the branch comes from the copy's git.</summary>
    private static Dictionary<string, string> LocalVariables() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => !((string)e.Key).StartsWith("GITHUB_", StringComparison.Ordinal))
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
}
