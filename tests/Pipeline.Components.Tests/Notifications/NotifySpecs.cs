using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Components.Tests.Support;
using Pipeline.GitHubActions;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Components.Tests.Notifications;

public sealed partial class NotifySpecs
{
    // A webhook URL carries its credential in the path, as Slack's do.
    private const string SecretPath = "/services/T0001/B0002/s3cr3tT0k3nValue";

    [Fact]
    public async Task After_a_failure_it_still_runs_and_posts_the_status_the_failed_target_and_the_duration_as_Slack_JSON()
    {
        using var root = new TempRoot();
        using var webhook = new FakeHttpServer(_ => new FakeResponse(200, "ok", "text/plain"));

        var run = await Pipeline(fails: true).RunAsync(root, ["Notify"], Webhook(webhook));

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        var request = Assert.Single(webhook.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(SecretPath, request.Path);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var text = body.RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("❌ The pipeline failed", text, StringComparison.Ordinal);
        Assert.Contains("Package", text, StringComparison.Ordinal);
        var blocks = body.RootElement.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        var sections = string.Join('\n', blocks.Where(b => b.GetProperty("type").GetString() == "section")
            .Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        Assert.Contains("*Failed:* Package: the image did not build: no Dockerfile", sections, StringComparison.Ordinal);
        Assert.Contains("*Duration:* ", sections, StringComparison.Ordinal);
        Assert.Contains("✅ Compile", sections, StringComparison.Ordinal);
        Assert.Contains("⏭️ Deploy (dependency Package failed)", sections, StringComparison.Ordinal);
        // The run's own summary is unchanged by the notification: Package failed, Notify succeeded.
        Assert.Contains(run.Lines, l => l.Contains("Package", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal) && l.Contains("no Dockerfile", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("Notify ", StringComparison.Ordinal) && l.Contains("succeeded", StringComparison.Ordinal));
        Assert.DoesNotContain("s3cr3t", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_successful_run_is_posted_as_such_with_links_to_the_run_under_GitHub_Actions()
    {
        using var root = new TempRoot();
        using var webhook = new FakeHttpServer(_ => new FakeResponse(200, "ok", "text/plain"));
        var variables = Webhook(webhook);
        variables["GITHUB_SERVER_URL"] = "https://github.com";
        variables["GITHUB_REPOSITORY"] = "acme/events";
        variables["GITHUB_RUN_ID"] = "4242";
        variables["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567";
        variables["GITHUB_REF"] = "refs/heads/main";

        var run = await Pipeline(fails: false).RunAsync(root, ["Notify"], variables, gitHubActions: true);

        Assert.True(run.ExitCode == 0, run.All);
        using var body = JsonDocument.Parse(Assert.Single(webhook.Requests).Body);
        var text = body.RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("✅ The pipeline succeeded: acme/events on main", text, StringComparison.Ordinal);
        Assert.Contains("https://github.com/acme/events/actions/runs/4242", body.RootElement.GetProperty("blocks").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("https://github.com/acme/events/commit/0123456789abcdef0123456789abcdef01234567", body.RootElement.GetProperty("blocks").GetRawText(), StringComparison.Ordinal);
        // Registered with GitHub, which hides it wherever it appears; written nowhere else.
        Assert.Equal([$"::add-mask::{variables["NOTIFICATION_WEBHOOK"]}"], run.Lines.Where(l => l.Contains("s3cr3t", StringComparison.Ordinal)));
        Assert.DoesNotContain("s3cr3t", run.Error + run.StepSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_5xx_and_429_are_retried_with_backoff()
    {
        using var root = new TempRoot();
        var answers = new Queue<int>([503, 429, 200]);
        using var webhook = new FakeHttpServer(_ => new FakeResponse(answers.Dequeue(), "", "text/plain"));

        var run = await Pipeline(fails: false).RunAsync(root, ["Notify"], Webhook(webhook));

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(3, webhook.Requests.Count);
        Assert.Contains(run.Lines, l => l.Contains("attempt 1 of 4 failed (503", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Contains("attempt 2 of 4 failed (429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_notification_is_not_retried_and_is_a_warning_not_a_failed_run_and_the_URL_is_never_shown()
    {
        using var root = new TempRoot();
        using var webhook = new FakeHttpServer(_ => new FakeResponse(404, "no_service", "text/plain"));

        var run = await Pipeline(fails: false).RunAsync(root, ["Notify"], Webhook(webhook));

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Single(webhook.Requests);
        Assert.Contains("the webhook answered 404 (Not Found): no_service", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_webhook_nothing_is_posted_and_the_run_is_not_held_up()
    {
        using var root = new TempRoot();

        var run = await Pipeline(fails: false).RunAsync(root, ["Notify"]);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.True(run.Lines.Any(l => l.Contains("Notify  │ No webhook: set NOTIFICATION_WEBHOOK (or --notification-webhook) to post the run's summary.", StringComparison.Ordinal)), run.Output);
    }

    [Fact]
    public async Task In_CI_its_job_runs_after_failures_too_and_gets_the_webhook_secret()
    {
        using var root = new TempRoot();
        var run = await Pipeline(fails: false).Workflows(w => w.Add<DeliveryWorkflow>()).RunAsync(root, ["--generate"]);

        Assert.True(run.ExitCode == 0, run.All);
        var yaml = File.ReadAllText(Directory.GetFiles(root.Path / ".github" / "workflows", "*.yml").Single());
        var notify = Scanning.WorkflowText.Job(yaml, "notify");
        Assert.Contains("if: always()", notify, StringComparison.Ordinal);
        Assert.Contains("NOTIFICATION_WEBHOOK: ${{ secrets.NOTIFICATION_WEBHOOK }}", notify, StringComparison.Ordinal);
        Assert.Contains("continue-on-error: true", notify, StringComparison.Ordinal);
        await WorkflowLint.AssertCleanAsync(yaml, "delivery.yml");
    }

    [Fact]
    public async Task In_CI_each_target_of_another_job_is_posted_with_the_outcome_that_job_recorded_for_it()
    {
        using var root = new TempRoot();
        var generated = await Pipeline(fails: false).Workflows(w => w.Add<DeliveryWorkflow>()).RunAsync(root, ["--generate"]);
        Assert.True(generated.ExitCode == 0, generated.All);
        var yaml = File.ReadAllText(Directory.GetFiles(root.Path / ".github" / "workflows", "*.yml").Single());
        Assert.Equal(["package", "deploy"], ((YamlSequenceNode)Map(Map(yaml, "jobs"), "notify")["needs"]).Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal("${{ steps.build.outputs.pipeline-outcomes }}", ((YamlScalarNode)Map(Map(Map(yaml, "jobs"), "package"), "outputs")["pipeline-outcomes"]).Value);

        // The package job as GitHub runs it (Compile, then Package, which fails), writing its step outputs.
        var outputFile = root.Path / ".github-output";
        File.WriteAllText(outputFile, "");
        var packaged = await Pipeline(fails: true).RunAsync(root, Command(BuildStep(yaml, "package")), new Dictionary<string, string> { ["GITHUB_OUTPUT"] = outputFile }, gitHubActions: true);
        Assert.Equal(ExitCodes.TargetFailed, packaged.ExitCode);
        var recorded = File.ReadAllLines(outputFile).Single(l => l.StartsWith("pipeline-outcomes=", StringComparison.Ordinal))["pipeline-outcomes=".Length..];

        // The notify job's variable as GitHub fills it in: Package's job failed, so Deploy's was skipped and wrote nothing.
        var step = BuildStep(yaml, "notify");
        var results = new Dictionary<string, string> { ["package"] = "failure", ["deploy"] = "skipped" };
        var outputs = new Dictionary<string, string> { ["package"] = recorded, ["deploy"] = "null" };
        var needs = NeedsResult().Replace(((YamlScalarNode)Map(step, "env")["PIPELINE_CONTEXT_NEEDS"]).Value!, m => JsonSerializer.Serialize(results[m.Groups[1].Value]));
        needs = NeedsOutcomes().Replace(needs, m => outputs[m.Groups[1].Value]);
        using var webhook = new FakeHttpServer(_ => new FakeResponse(200, "ok", "text/plain"));
        var variables = Webhook(webhook);
        variables["PIPELINE_CONTEXT_NEEDS"] = needs;

        var run = await Pipeline(fails: false).RunAsync(root, Command(step), variables, gitHubActions: true);

        Assert.True(run.ExitCode == 0, run.All); // the failure is Package's job's; this one posted it
        Assert.Equal(["Notify", "--skip", "Compile", "Package", "Deploy"], Command(step));
        using var body = JsonDocument.Parse(Assert.Single(webhook.Requests).Body);
        Assert.StartsWith("❌ The pipeline failed", body.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        var sections = string.Join('\n', body.RootElement.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "section")
            .Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        // Compile ran in the failed job, and succeeded: its own outcome, not its job's.
        Assert.Contains("*Failed:* Package: the image did not build: no Dockerfile", sections, StringComparison.Ordinal);
        Assert.Contains("✅ Compile", sections, StringComparison.Ordinal);
        Assert.DoesNotContain("Compile: its CI job failed", sections, StringComparison.Ordinal);
        Assert.Contains("⏭️ Deploy (its CI job was skipped)", sections, StringComparison.Ordinal);
    }

    /// <summary>A generated build step's arguments, without <c>./build.sh</c>.</summary>
    private static string[] Command(YamlMappingNode step) => ((YamlScalarNode)step["run"]).Value!.Split(' ')[1..];

    private static PipelineBuilder Pipeline(bool fails) => new PipelineBuilder()
        .Add<Compile>().Add<Package>().Add<Deploy>().Add<Notify>()
        .Provide(new BuildOutcome(fails));

    private static Dictionary<string, string> Webhook(FakeHttpServer server) =>
        new() { ["NOTIFICATION_WEBHOOK"] = new Uri(server.BaseAddress, SecretPath).ToString() };

    /// <summary>The <c>./build.sh</c> step of a job in a generated workflow.</summary>
    private static YamlMappingNode BuildStep(string yaml, string job) =>
        ((YamlSequenceNode)Map(Map(yaml, "jobs"), job)["steps"]).Children.OfType<YamlMappingNode>()
            .Single(s => s.Children.TryGetValue(new YamlScalarNode("run"), out var run) && ((YamlScalarNode)run).Value!.StartsWith("./build.sh ", StringComparison.Ordinal));

    private static YamlMappingNode Map(string yaml, string key)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Map((YamlMappingNode)stream.Documents.Single().RootNode, key);
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    [GeneratedRegex(@"\$\{\{ toJSON\(needs\.([a-z-]+)\.result\) \}\}")]
    private static partial Regex NeedsResult();

    [GeneratedRegex(@"\$\{\{ needs\.([a-z-]+)\.outputs\.pipeline-outcomes \|\| 'null' \}\}")]
    private static partial Regex NeedsOutcomes();
}

public sealed class DeliveryWorkflow : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .OnPush(branches: ["main"])
        .Job<Package>().Job<Deploy>().Job<Notify>();
}
