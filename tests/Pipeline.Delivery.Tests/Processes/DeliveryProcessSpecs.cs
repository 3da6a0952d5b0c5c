using System.Text.Json;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Processes;

/// <summary>
/// Every process Delivery starts goes through the engine's runner: it carries the run's marker, a
/// cancelled target interrupts it (SIGINT), then kills it and whatever it orphaned, and what it
/// prints is masked. Each case runs one Delivery operation against a fake of its tool.
/// </summary>
public sealed class DeliveryProcessSpecs
{
    private const string RunSecretValue = "run-secret-0d9c7e21";
    private const string LoginPassword = "login-password-6a3f50";
    private static readonly Parameter<string> RunSecret = Parameter.Secret("A secret of the run that a tool prints");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TheoryData<string> EveryDeliveryProcess() =>
    [
        "docker login",
        "aws ecr get-login-password",
        "docker image inspect",
        "docker run (the embedded registry's container)",
        "docker rm (stopping the embedded registry)",
        "git (the revision reader)",
    ];

    [Theory]
    [MemberData(nameof(EveryDeliveryProcess))]
    public async Task A_cancelled_target_interrupts_the_process_then_kills_it_and_its_orphans(string process)
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        var bin = root.Path / "fake-bin";
        var tool = WriteTool(bin, """
            echo "$PIPELINE_RUN_ID" > "$dir/marker"
            sh -c 'sleep 300 & echo $! > "$0"' "$dir/orphan.pid"
            trap 'echo interrupted > "$dir/interrupted"; exit 130' INT
            echo $$ > "$dir/tool.pid"
            while true; do sleep 0.1; done
            """);

        // The target's own token fires (its timeout): no end-of-run sweep, only what the runner does.
        var pipeline = new PipelineBuilder().Add<TimedStep>().Provide(new StepAction(context => StartAsync(process, tool, root, context))).Parameters(RunSecret);
        var running = PipelineRun.RunAsync(pipeline, root.Path, Variables, nameof(TimedStep));
        var pid = await LiveProcesses.ReadPidAsync(bin / "tool.pid");
        var orphan = await LiveProcesses.ReadPidAsync(bin / "orphan.pid");
        var run = await running;

        Assert.Contains("timed out after", run.Output, StringComparison.Ordinal);
        await Wait.UntilAsync(() => File.Exists(bin / "interrupted"), TimeSpan.FromSeconds(10));
        await Wait.UntilAsync(() => !LiveProcesses.IsAlive(pid) && !LiveProcesses.IsAlive(orphan), TimeSpan.FromSeconds(10));
        Assert.Matches($"^[0-9a-f]+/{nameof(TimedStep)}#[0-9]+$", File.ReadAllText(bin / "marker").Trim());
    }

    [Theory]
    [MemberData(nameof(EveryDeliveryProcess))]
    public async Task A_secret_the_process_prints_reaches_neither_the_output_nor_the_failure(string process)
    {
        using var root = new TempRoot();
        // It prints the run's secret and whatever it was given on standard input, then fails with an
        // exit code none of the callers accepts.
        var tool = WriteTool(root.Path / "fake-bin", $"""
            given=$(cat)
            echo "out: $RUN_SECRET given: $given"
            echo "err: $RUN_SECRET given: $given" >&2
            exit 125
            """.Replace("$RUN_SECRET", RunSecretValue, StringComparison.Ordinal));
        Exception? failure = null;

        var run = await PipelineRun.RunAsync(Pipeline(async context =>
        {
            try
            {
                await StartAsync(process, tool, root, context);
            }
            catch (Exception e)
            {
                failure = e;
                throw;
            }
        }), root.Path, Variables, nameof(InlineStep));

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.NotNull(failure);
        var message = failure.ToString(); // with its inner exceptions, as the console shows it
        Assert.Contains("***", message, StringComparison.Ordinal);
        Assert.DoesNotContain(RunSecretValue, message, StringComparison.Ordinal);
        Assert.DoesNotContain(LoginPassword, message, StringComparison.Ordinal);
        Assert.DoesNotContain(RunSecretValue, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(LoginPassword, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_the_real_registry_refuses_names_the_reason_and_never_the_password()
    {
        Requirements.Docker();
        await using var registry = await TestRegistry.StartAsync(("alice", "the-right-one-3b8e"));
        using var root = new TempRoot();
        RegistryLoginException? failure = null;

        // The password is no declared secret of the run: only the login command knows it is one.
        var run = await PipelineRun.RunAsync(Pipeline(async context =>
        {
            using var config = new DockerConfigDirectory();
            var access = new RegistryAccess(registry.Host, null, new RegistryCredentials("alice", LoginPassword));
            failure = await Assert.ThrowsAsync<RegistryLoginException>(() => new DockerLogin().LoginAsync(context, access, config));
        }), root.Path, nameof(InlineStep));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"docker login to {registry.Host} as alice failed", failure?.Message, StringComparison.Ordinal);
        Assert.Contains("401 Unauthorized", failure?.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LoginPassword, failure?.ToString(), StringComparison.Ordinal);
        Assert.Contains($"> docker login {registry.Host} --username alice --password-stdin (password on standard input)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(LoginPassword, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_the_aws_cli_prints_before_failing_stays_out_of_the_failure()
    {
        const string printed = "eyJwYXlsb2FkIjoicGFydGlhbCJ9-91c4";
        using var root = new TempRoot();
        var aws = WriteTool(root.Path / "fake-bin", $"""
            echo "{printed}"
            echo "An error occurred (ExpiredTokenException): the security token included in the request is expired" >&2
            exit 255
            """);
        RegistryLoginException? failure = null;

        var run = await PipelineRun.RunAsync(Pipeline(async context =>
            failure = await Assert.ThrowsAsync<RegistryLoginException>(() =>
                new ElasticContainerRegistry("123456789012", "eu-west-1") { AwsCli = aws }.ResolveAsync(new RegistryContext(context)))), root.Path, Variables, nameof(InlineStep));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("aws ecr get-login-password --region eu-west-1 failed (exit 255): An error occurred (ExpiredTokenException)", failure?.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(printed, failure?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(printed, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_in_the_origin_url_stays_out_of_the_log()
    {
        Requirements.Tool("git");
        using var root = new TempRoot();
        root.Write("README.md", "shop");
        await Shell.GitRepositoryAsync(root.Path);
        await Shell.RunAsync("git", ["remote", "add", "origin", "https://x-access-token:ghs_origin7f3a@github.com/acme/shop.git"], root.Path);
        GitRevision? revision = null;

        var run = (await PipelineRun.RunAsync(
            Pipeline(async context => revision = await GitRevisionReader.ReadAsync(context, new Dictionary<string, string>(), root.Path)),
            root.Path,
            nameof(InlineStep))).Succeeded();

        Assert.Equal("https://github.com/acme/shop", revision?.SourceUrl);
        Assert.DoesNotContain("ghs_origin7f3a", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embedded_registry_started_detached_outlives_a_cancelled_run_marked_as_ours()
    {
        LiveProcesses.SkipUnlessLinux();
        Requirements.Tool("docker-registry");
        using var root = new TempRoot();
        var embedded = new EmbeddedRegistry(root.Path / "state");
        var started = new TaskCompletionSource<LocalRegistry>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        try
        {
            var running = PipelineRun.RunAsync(Pipeline(async context =>
            {
                started.SetResult(await embedded.EnsureRunningAsync(context));
                await context.RunAsync("sleep", "300"); // the target goes on, and the run is cancelled
            }), root.Path, Variables, cancellation.Token, nameof(InlineStep));
            var registry = await started.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            await cancellation.CancelAsync();
            var run = await running;

            Assert.Equal(ExitCodes.Canceled, run.ExitCode);
            var pid = registry.ProcessId!.Value;
            Assert.True(LiveProcesses.IsAlive(pid), "the registry was killed with the run");
            Assert.Matches($"^detached/[0-9a-f]+/{nameof(InlineStep)}$", LiveProcesses.EnvironmentVariable(pid, "PIPELINE_RUN_ID"));
            Assert.Contains($"(detached, output in {embedded.Directory / "registry.log"})", run.Output, StringComparison.Ordinal);
            using var http = new HttpClient();
            using var answer = await http.GetAsync(new Uri($"http://{registry.Host}/v2/"), TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        }
        finally
        {
            await TargetHarness.RunAsync(embedded.StopAsync);
        }
    }

    private static Dictionary<string, string> Variables => new() { ["RUN_SECRET"] = RunSecretValue };

    private static PipelineBuilder Pipeline(Func<TargetContext, Task> step) =>
        new PipelineBuilder().Add<InlineStep>().Provide(new StepAction(step)).Parameters(RunSecret);

    /// <summary>Runs one Delivery operation whose process is <paramref name="tool"/>.</summary>
    private static async Task StartAsync(string process, AbsolutePath tool, TempRoot root, TargetContext context)
    {
        switch (process)
        {
            case "docker login":
                using (var config = new DockerConfigDirectory())
                {
                    var access = new RegistryAccess("127.0.0.1:1", null, new RegistryCredentials("alice", LoginPassword));
                    await new DockerLogin(tool).LoginAsync(context, access, config);
                }

                break;
            case "aws ecr get-login-password":
                await new ElasticContainerRegistry("123456789012", "eu-west-1") { AwsCli = tool }.ResolveAsync(new RegistryContext(context));
                break;
            case "docker image inspect":
                var revision = new GitRevision("4f3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a", "main", null, null);
                var image = new BuiltImage("shop", "sha256:" + new string('a', 64), ["main"], revision);
                await new ImageLoader(new Tool(tool)).EnsureLoadedAsync(context, image);
                break;
            case "docker run (the embedded registry's container)":
                await new EmbeddedRegistry(root.Path / "state") { Binary = null, Docker = tool }.EnsureRunningAsync(context);
                break;
            case "docker rm (stopping the embedded registry)":
                var state = root.Path / "state" / ".nuke" / "temp" / "registry";
                Directory.CreateDirectory(state);
                File.WriteAllText(state / "registry.json", JsonSerializer.Serialize(new LocalRegistry(5000, "registry:2", null, "0123abcd"), Json));
                await new EmbeddedRegistry(root.Path / "state") { Docker = tool }.StopAsync(context);
                break;
            case "git (the revision reader)":
                await GitRevisionReader.ReadAsync(context, new Dictionary<string, string>(), root.Path, tool);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(process), process, null);
        }
    }

    /// <summary>A shell script standing in for a tool; <c>$dir</c> is its folder.</summary>
    private static AbsolutePath WriteTool(AbsolutePath bin, string body)
    {
        Directory.CreateDirectory(bin);
        var path = bin / "tool";
        File.WriteAllText(path, "#!/bin/sh\ndir=$(dirname \"$0\")\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
