using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Components.Services;
using Pipeline.Components.Tests.Coverage;
using Pipeline.Components.Tests.Scanning;
using Pipeline.Components.Tests.Support;
using RustWorkspace.Build;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Components.Tests.Samples;

/// <summary>
/// samples/rust-workspace (the seed rust-workspace-12-services): its committed workflow, the seed's job
/// graph asserted on it, and its own pipeline run on a copy of it. The whole run, images to
/// notification, is RustWorkspaceEndToEndSpecs in Pipeline.Delivery.Tests.
/// </summary>
public sealed class RustWorkspaceSampleSpecs
{
    private static readonly AbsolutePath Sample = WorkflowLint.RepositoryRoot / "samples" / "rust-workspace";

    private static TempRoot Copy() => new TempRoot().CopyFrom(Sample);

    [Fact]
    public async Task The_committed_ci_workflow_has_no_lint_findings()
    {
        var workflow = Sample / ".github" / "workflows" / "ci.yml";

        await WorkflowLint.AssertCleanAsync(await File.ReadAllTextAsync(workflow, TestContext.Current.CancellationToken), "ci.yml");
    }

    [Fact]
    public async Task The_committed_generated_files_match_the_pipeline()
    {
        using var root = Copy();

        var check = await RustWorkspacePipeline.Create().RunAsync(root, ["--generate", "--check"]);

        Assert.True(check.ExitCode == 0, check.All);
    }

    [Fact]
    public async Task The_ci_workflow_tests_twelve_services_six_at_a_time_and_always_reports_and_notifies()
    {
        var jobs = await JobsAsync();

        var strategy = Map(jobs["test-services"], "strategy");
        Assert.Equal(12, ((YamlSequenceNode)Map(strategy, "matrix")["service"]).Children.Count);
        Assert.Equal("6", Scalar(strategy, "max-parallel"));
        Assert.Equal("false", Scalar(strategy, "fail-fast"));
        Assert.Contains("PIPELINE_MATRIX_SERVICE: ${{ matrix.service }}", Text("test-services"), StringComparison.Ordinal);
        Assert.Equal(["format-and-lint"], Needs(jobs["test-services"]));

        // Blocking vs warning-only: the audit and the report never fail the run.
        Assert.Equal("true", Scalar(jobs["security-audit"], "continue-on-error"));
        Assert.Equal("true", Scalar(jobs["quality-report"], "continue-on-error"));
        Assert.False(Map(jobs["build-release"]).Children.ContainsKey("continue-on-error"));
        Assert.Equal(["test-services", "security-audit"], Needs(jobs["build-release"]));

        // Only the integration job gets the stores, and the image build waits for it (the seed's build-and-push).
        Assert.False(Map(jobs["test-services"]).Children.ContainsKey("services"));
        Assert.Equal(["test-services"], Needs(jobs["integration-tests"]));
        var services = Map(jobs["integration-tests"], "services");
        Assert.Equal("postgres:16-alpine", Scalar(services["postgres"], "image"));
        Assert.Equal("password", Scalar(Map(services["postgres"], "env"), "POSTGRES_HOST_AUTH_METHOD"));
        Assert.Equal("redis:7-alpine", Scalar(services["redis"], "image"));
        Assert.Contains("DATABASE_URL: postgres://rust:rust@localhost:5432/services", Text("integration-tests"), StringComparison.Ordinal);
        Assert.Contains("REDIS_URL: localhost:6379", Text("integration-tests"), StringComparison.Ordinal);
        Assert.Contains("name: integration-test-results", Text("integration-tests"), StringComparison.Ordinal);
        Assert.Equal(["integration-tests", "build-release"], Needs(jobs["build-images"]));

        // The seed's code-coverage: after the tests, its own job with rustup's llvm-tools added before the
        // build; the push (build-and-push) waits for it, the release build does not.
        Assert.Equal(["test-services"], Needs(jobs["coverage"]));
        Assert.Contains("      - name: Add rustup's llvm-tools (llvm-profdata, llvm-cov)\n        run: rustup component add llvm-tools\n      - name: Run Coverage\n", Text("coverage"), StringComparison.Ordinal);
        Assert.Contains("run: ./build.sh Coverage --skip Format Lint FormatAndLint TestServices\n", Text("coverage"), StringComparison.Ordinal);
        Assert.Equal("write", Scalar(Map(jobs["coverage"], "permissions"), "pull-requests")); // the coverage comment on a pull request
        Assert.Contains("GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}", Text("coverage"), StringComparison.Ordinal);
        Assert.Contains("name: coverage\n          path: artifacts/coverage\n", Text("coverage"), StringComparison.Ordinal);
        Assert.False(Map(jobs["coverage"]).Children.ContainsKey("continue-on-error"));
        Assert.Equal(["coverage", "build-images"], Needs(jobs["push"]));
        Assert.DoesNotContain("coverage", Needs(jobs["build-release"]));

        // Push-only stages: images and ECR never on a pull request, the staging deploy on main only.
        Assert.Equal("!(github.event_name == 'pull_request')", Scalar(jobs["build-images"], "if"));
        Assert.Contains("!(github.event_name == 'pull_request')", Scalar(jobs["push"], "if"), StringComparison.Ordinal);
        Assert.Contains("github.ref == 'refs/heads/main'", Scalar(jobs["deploy-staging"], "if"), StringComparison.Ordinal);
        Assert.Contains("AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}", Text("push"), StringComparison.Ordinal);
        Assert.Equal("6", Scalar(Map(jobs["deploy-staging"], "strategy"), "max-parallel"));
        Assert.Equal("staging", Scalar(Map(jobs["deploy-staging"], "environment"), "name"));
        Assert.Contains("KUBECONFIG_DATA: ${{ secrets.KUBECONFIG_DATA }}", Text("deploy-staging"), StringComparison.Ordinal);

        Assert.Equal("always()", Scalar(jobs["quality-report"], "if"));
        Assert.Equal("always()", Scalar(jobs["notify"], "if"));
        // Both tell the whole run: each waits for every other job and hears how each ended.
        Assert.Equal(["format-and-lint", "test-services", "integration-tests", "coverage", "security-audit", "build-release", "build-images", "push", "deploy-staging", "smoke"], Needs(jobs["quality-report"]));
        Assert.Equal(["format-and-lint", "test-services", "integration-tests", "coverage", "security-audit", "build-release", "build-images", "push", "deploy-staging", "smoke", "quality-report"], Needs(jobs["notify"]));
        // A matrix job hands over its one result; the others, each target's own outcome too.
        Assert.Contains("\"test-services\": {\"runs\": [\"TestServices\"], \"result\": ${{ toJSON(needs.test-services.result) }}, \"targets\": null}", Text("notify"), StringComparison.Ordinal);
        Assert.Contains(
            "\"format-and-lint\": {\"runs\": [\"Format\", \"Lint\", \"FormatAndLint\"], \"result\": ${{ toJSON(needs.format-and-lint.result) }}, \"targets\": ${{ needs.format-and-lint.outputs.pipeline-outcomes || 'null' }}}",
            Text("quality-report"),
            StringComparison.Ordinal);
        Assert.Contains("NOTIFICATION_WEBHOOK: ${{ secrets.NOTIFICATION_WEBHOOK }}", Text("notify"), StringComparison.Ordinal);

        // Each test cell uploads its results; the report downloads them all into one folder.
        Assert.Contains("name: test-results-${{ matrix.service }}", Text("test-services"), StringComparison.Ordinal);
        Assert.Contains("pattern: test-results-*", Text("quality-report"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_pull_request_the_push_only_stages_are_skipped_and_the_report_and_notification_still_run()
    {
        using var root = Copy();

        var plan = await RustWorkspacePipeline.Create().RunAsync(root, ["--plan"], new Dictionary<string, string> { ["GITHUB_EVENT_NAME"] = "pull_request" });

        Assert.True(plan.ExitCode == 0, plan.All);
        foreach (var skipped in new[] { "BuildImages", "Push", "DeployStaging" })
        {
            Assert.Contains(plan.Lines, l => l.Contains(skipped, StringComparison.Ordinal) && l.Contains("skip", StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains(plan.Lines, l => l.Contains("Notify", StringComparison.Ordinal) && !l.Contains("skip", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_sample_is_formatted_and_lint_clean_and_each_services_tests_pass()
    {
        Requirements.Tool("cargo");
        using var root = Copy();

        var run = await RustWorkspacePipeline.Create().RunAsync(root, ["TestServices"]);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Format        │ Every file is formatted.", run.Lines);
        Assert.Contains("Lint          │ cargo clippy .: 0 findings", run.Lines);
        foreach (var service in RustWorkspace.Build.Services.Axis.Values)
        {
            Assert.Contains(run.Lines, l => l.Contains($"cargo . -p {service}-service: 5 passed, 0 failed, 0 skipped", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_integration_tests_pass_against_the_PostgreSQL_and_Redis_they_start_and_a_wrong_query_fails_them()
    {
        Requirements.Tool("cargo");
        Requirements.Docker();
        using var root = Copy();
        var label = Guid.NewGuid().ToString("N");
        string[] args = ["IntegrationTests", "--skip", "Format", "Lint", "FormatAndLint", "TestServices"];
        PipelineBuilder WithLabelledContainers() => RustWorkspacePipeline.Create().UseTestcontainers(new Dictionary<string, string> { [Services.Docker.TestLabel] = label });
        var results = root.Path / "artifacts" / "test-results" / "cargo----p-store-clients" / "cargo-test.txt";

        var run = await WithLabelledContainers().RunAsync(root, args, Services.Docker.LocalVariables());

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains(run.Lines, l => l.Contains("Service postgres (", StringComparison.Ordinal) && l.Contains("is ready", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Contains("Service redis (", StringComparison.Ordinal) && l.Contains("is ready", StringComparison.Ordinal));
        var cargo = await File.ReadAllTextAsync(results, TestContext.Current.CancellationToken);
        // Tests of each crate's tests/ folder, which can only pass against the servers: cargo ran them, and they passed.
        foreach (var test in new[]
        {
            "a_wrong_password_is_refused_by_the_server", "a_server_error_carries_its_sqlstate_and_the_session_stays_usable", // store-clients, PostgreSQL
            "ping_answers_pong", "an_error_reply_is_an_error_and_the_connection_stays_usable", // store-clients, Redis
            "signing_out_everywhere_closes_only_that_users_sessions", "a_session_expires_after_its_lifetime", // auth-service, Redis
            "an_address_is_registered_once", "an_empty_name_is_refused_by_the_table", // user-service, PostgreSQL
        })
        {
            Assert.Contains($"test {test} ... ok\n", cargo, StringComparison.Ordinal);
        }

        Assert.Contains(run.Lines, l => l.Contains("cargo . -p store-clients: 27 passed, 0 failed, 0 skipped", StringComparison.Ordinal));
        Assert.Empty(Services.Docker.ContainersLabelled(label));

        // The directory looks users up by the wrong column: the tests that find a user fail against the real table.
        var directory = root.Path / "services" / "user" / "src" / "directory.rs";
        var source = await File.ReadAllTextAsync(directory, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(directory, source.Replace("FROM users WHERE email = {}", "FROM users WHERE name = {}", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var broken = await WithLabelledContainers().RunAsync(root, args, Services.Docker.LocalVariables());

        Assert.Equal(ExitCodes.TargetFailed, broken.ExitCode);
        Assert.Contains(broken.Lines, l => l.Contains("cargo . -p store-clients: 24 passed, 3 failed, 0 skipped", StringComparison.Ordinal));
        Assert.Contains(broken.Lines, l => l.Contains("failed: ", StringComparison.Ordinal) && l.Contains("a_registered_user_is_found_by_address_in_any_case", StringComparison.Ordinal));
        Assert.Empty(Services.Docker.ContainersLabelled(label));
    }

    [Fact]
    public async Task A_failing_service_test_blocks_the_release_yet_the_report_and_the_notification_run()
    {
        Requirements.Tool("cargo");
        using var root = Copy();
        var feed = root.Path / "services" / "feed" / "src" / "main.rs";
        var source = await File.ReadAllTextAsync(feed, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(feed, source.Replace("body, r#\"{\"items\":[]}\"#);", "body, r#\"{\"items\":[1]}\"#);", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        using var trivy = new FakeTrivy(root, FakeTrivy.GoModuleReport);
        using var webhook = new FakeHttpServer(_ => new FakeResponse(200, "ok", "text/plain"));

        var run = await RustWorkspacePipeline.Create().RunAsync(
            root, ["Notify"], new Dictionary<string, string> { ["NOTIFICATION_WEBHOOK"] = webhook.BaseAddress + "hooks/T1/B2/secret" });

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        // The name column is as wide as the longest target name (IntegrationTests).
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, "^BuildRelease +│ – skipped: dependency TestServices failed"));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, "^QualityReport +│ 12 of 12 services tested: 59 passed, 1 failed;"));
        var report = await File.ReadAllTextAsync(root.Path / "artifacts" / "quality-report.md", TestContext.Current.CancellationToken);
        Assert.Contains("| feed-service | 4 | 1 |", report, StringComparison.Ordinal);
        var posted = JsonNode.Parse(Assert.Single(webhook.Requests).Body)!;
        Assert.StartsWith("❌ The pipeline failed", (string)posted["text"]!, StringComparison.Ordinal);
        Assert.Contains("TestServices", (string)posted["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coverage_measures_every_crates_unit_tests_and_passes_the_50_percent_gate()
    {
        LlvmRequirement.CargoAndLlvmTools();
        using var root = Copy();

        var run = await RustWorkspacePipeline.Create().RunAsync(root, ["Coverage", "--skip"]);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^Coverage +│ > cargo test --workspace --target-dir target/coverage --locked --lib --bins$"));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^Coverage +│ service-kit +47/84 +55\.9%$"));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^Coverage +│ store-clients +301/507 +59\.3%$"));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^Coverage +│ Total +491/914 +53\.7%$"));
        Assert.Equal(14, run.Lines.Count(l => Regex.IsMatch(l, @"^Coverage +│ [a-z-]+ +\d+/\d+ +[\d.]+%$"))); // a row per crate: twelve services and two libraries
        Assert.True(File.Exists(root.Path / "artifacts" / "coverage" / "index.html"), run.Output);
    }

    [Fact]
    public async Task Coverage_below_50_percent_blocks_the_push_while_the_release_still_builds()
    {
        LlvmRequirement.CargoAndLlvmTools();
        using var root = Copy();
        // 103 lines no test runs, in the crate every service ships: 491 of 1017 lines covered.
        var kit = root.Path / "crates" / "service-kit" / "src" / "lib.rs";
        await File.AppendAllTextAsync(
            kit,
            "\npub fn never_tested(n: u64) -> u64 {\n" + string.Concat(Enumerable.Repeat("    let n = n.wrapping_add(1);\n", 100)) + "    n\n}\n",
            TestContext.Current.CancellationToken);
        using var trivy = new FakeTrivy(root, FakeTrivy.GoModuleReport);

        var run = await RustWorkspacePipeline.Create().RunAsync(
            root, ["Push", "--skip", "Format", "Lint", "FormatAndLint", "TestServices", "IntegrationTests", "BuildImages"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^Coverage +│ Total +491/1017 +48\.2%$"));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^Coverage +[0-9.]+ s +failed: line coverage 48\.2% is below the threshold 50%$"));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^BuildRelease +[0-9.]+ s +succeeded$"));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^Push +skipped: dependency Coverage failed$"));
        Assert.True(File.Exists(root.Path / "out" / "auth-service"), run.Output);
    }

    [Fact]
    public async Task A_format_or_lint_violation_in_the_shared_crate_fails_the_gate_at_its_file()
    {
        Requirements.Tool("cargo");
        using var root = Copy();
        var kit = root.Path / "crates" / "service-kit" / "src" / "lib.rs";
        var source = await File.ReadAllTextAsync(kit, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(
            kit,
            source.Replace("pub fn parse_request_line(", "pub fn is_get(method: &str) -> bool {\n    return method==\"GET\";\n}\n\npub fn parse_request_line(", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);

        var run = await RustWorkspacePipeline.Create().RunAsync(root, ["FormatAndLint"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith("Format", StringComparison.Ordinal) && l.Contains("crates/service-kit/src/lib.rs: not formatted (cargo fmt .)", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("Lint", StringComparison.Ordinal) && l.Contains("crates/service-kit/src/lib.rs:", StringComparison.Ordinal) && l.Contains("unneeded `return` statement", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyDictionary<string, YamlNode>> JobsAsync()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(await File.ReadAllTextAsync(Sample / ".github" / "workflows" / "ci.yml", TestContext.Current.CancellationToken)));
        var jobs = Map(yaml.Documents[0].RootNode, "jobs");
        return jobs.Children.ToDictionary(j => ((YamlScalarNode)j.Key).Value!, j => j.Value);
    }

    private static YamlMappingNode Map(YamlNode node, string? key = null) =>
        (YamlMappingNode)(key is null ? node : ((YamlMappingNode)node)[key]);

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)Map(node)[key]).Value!;

    private static string[] Needs(YamlNode job) => [.. ((YamlSequenceNode)Map(job)["needs"]).Children.Select(n => ((YamlScalarNode)n).Value!)];

    // The job's own lines of the committed file, for the values inside its steps.
    private static string Text(string job)
    {
        var lines = File.ReadAllLines(Sample / ".github" / "workflows" / "ci.yml");
        var start = Array.LastIndexOf(lines, $"  {job}:"); // after on:, whose push: has the same indentation
        var end = Array.FindIndex(lines, start + 1, l => l.Length > 2 && l[..2] == "  " && l[2] != ' ');
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }
}
