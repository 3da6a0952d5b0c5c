using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Registries;

public sealed class EmbeddedRegistrySpecs
{
    [Fact]
    public async Task Without_a_registry_push_starts_a_local_one_and_the_next_run_reuses_it()
    {
        Requirements.Docker();
        Requirements.Tool("docker-registry");
        using var root = new TempRoot();
        var setup = Setup.For(root, null) with { LocalRegistryRoot = root.Path };
        var embedded = new EmbeddedRegistry(root.Path);
        try
        {
            var first = (await PipelineRun.RunAsync(setup.Builder(), root.Path, PushImagesTargetSpecsVariables.OnMain, "PushTestImage")).Succeeded();
            var pushed = PushedImages.At(root.Path)[setup.Name];
            var host = ImageReference.Parse(pushed.Repository).Registry!;

            Assert.StartsWith("127.0.0.1:", host, StringComparison.Ordinal);
            Assert.Contains($"Started a local registry at {host} (docker-registry)", first.Output, StringComparison.Ordinal);
            Assert.Equal(await TestDocker.InspectAsync($"{host}/{setup.Name}:main", "{{index .RepoDigests 0}}"), pushed.ToString());

            // The registry outlived the run: a later target (or run) can pull by digest.
            await TestDocker.RemoveRepositoriesAsync(setup.Name);
            await Shell.RunAsync("docker", ["pull", pushed.ToString()]);

            var second = (await PipelineRun.RunAsync(setup.Builder(), root.Path, PushImagesTargetSpecsVariables.OnMain, "PushTestImage")).Succeeded();
            Assert.Contains($"Using the local registry at {host} (started earlier", second.Output, StringComparison.Ordinal);
            Assert.Equal(host, ImageReference.Parse(PushedImages.At(root.Path)[setup.Name].Repository).Registry);
        }
        finally
        {
            await TargetHarness.RunAsync(embedded.StopAsync);
            await TestDocker.RemoveRepositoriesAsync(setup.Name);
        }
    }

    [Fact]
    public async Task Runs_at_once_share_one_registry_and_its_state_names_the_process_that_serves()
    {
        Requirements.Tool("docker-registry");
        using var root = new TempRoot();
        var embedded = new EmbeddedRegistry(root.Path);
        try
        {
            // Three runs that each find no registry recorded and start at the same moment.
            var found = new LocalRegistry?[3];
            using var ready = new Barrier(found.Length);
            await Task.WhenAll(Enumerable.Range(0, found.Length).Select(i => Task.Run(() => TargetHarness.RunAsync(async context =>
            {
                ready.SignalAndWait(TestContext.Current.CancellationToken);
                found[i] = await new EmbeddedRegistry(root.Path).EnsureRunningAsync(context);
            }))));

            Assert.All(found, f => Assert.NotNull(f));
            Assert.Single(found.Select(f => f!.Port).Distinct());
            Assert.Single(found.Select(f => f!.ProcessId).Distinct());
            var first = found.Select(f => f!).ToArray();
            var state = System.Text.Json.JsonDocument.Parse(File.ReadAllText(embedded.Directory / "registry.json")).RootElement;
            Assert.Equal(first[0].Port, state.GetProperty("port").GetInt32());
            Assert.Equal(first[0].ProcessId, state.GetProperty("processId").GetInt32());
            var registries = Directory.GetDirectories("/proc")
                .Select(d => Path.GetFileName(d))
                .Where(pid => pid.All(char.IsAsciiDigit))
                .Count(pid =>
                {
                    try
                    {
                        return File.ReadAllText($"/proc/{pid}/cmdline").Contains(embedded.Directory / "config.yml", StringComparison.Ordinal);
                    }
                    catch (IOException)
                    {
                        return false;
                    }
                });
            Assert.Equal(1, registries);
        }
        finally
        {
            await TargetHarness.RunAsync(embedded.StopAsync);
        }
    }

    [Fact]
    public async Task Two_matrix_legs_that_start_at_once_use_one_registry_whose_state_names_the_process_that_serves()
    {
        Requirements.Tool("docker-registry");
        using var root = new TempRoot();
        using var legs = new Legs(root.Path);
        try
        {
            var run = await PipelineRun.RunAsync(new PipelineBuilder().Add<RegistryLeg>().Provide(legs), root.Path, "RegistryLeg");

            run.Succeeded();
            Assert.True(legs.Overlapped, "the two legs did not run at the same time:\n" + run.Output);
            var found = legs.Found.ToArray();
            Assert.Equal(2, found.Length);
            Assert.Single(found.Select(f => (f.Port, f.ProcessId)).Distinct());
            var state = System.Text.Json.JsonDocument.Parse(File.ReadAllText(legs.Registry.Directory / "registry.json")).RootElement;
            Assert.Equal(found[0].ProcessId, state.GetProperty("processId").GetInt32());
            Assert.Contains(legs.Registry.Directory / "config.yml", File.ReadAllText($"/proc/{found[0].ProcessId}/cmdline"), StringComparison.Ordinal);
            Assert.Equal([found[0].ProcessId!.Value], RegistryProcesses(legs.Registry));
        }
        finally
        {
            await TargetHarness.RunAsync(legs.Registry.StopAsync);
        }
    }

    [Fact]
    public async Task A_recorded_registry_whose_port_another_server_answers_is_replaced_and_the_state_names_the_new_one()
    {
        Requirements.Tool("docker-registry");
        await using var stranger = await TestRegistry.StartAsync();
        using var root = new TempRoot();
        var embedded = new EmbeddedRegistry(root.Path);
        Directory.CreateDirectory(embedded.Directory);

        // A record left by a registry that is gone; its port now answers for another server (not ours).
        File.WriteAllText(embedded.Directory / "registry.json", $$"""{"port":{{stranger.Port}},"kind":"docker-registry","processId":{{Environment.ProcessId}}}""");
        try
        {
            LocalRegistry? found = null;
            var run = await TargetHarness.RunAsync(async context => found = await embedded.EnsureRunningAsync(context));

            Assert.True(run.Succeeded, run.Output);
            Assert.NotEqual(stranger.Port, found!.Port);
            Assert.Contains($"Started a local registry at {found.Host}", run.Output, StringComparison.Ordinal);
            var state = System.Text.Json.JsonDocument.Parse(File.ReadAllText(embedded.Directory / "registry.json")).RootElement;
            Assert.Equal((found.Port, found.ProcessId), (state.GetProperty("port").GetInt32(), state.GetProperty("processId").GetInt32()));
            Assert.Equal([found.ProcessId!.Value], RegistryProcesses(embedded));
        }
        finally
        {
            await TargetHarness.RunAsync(embedded.StopAsync);
        }
    }

    /// <summary>The pids of the registry processes serving this state's config.</summary>
    private static int[] RegistryProcesses(EmbeddedRegistry registry) =>
        [.. Directory.GetDirectories("/proc")
            .Select(d => Path.GetFileName(d))
            .Where(pid => pid.All(char.IsAsciiDigit))
            .Where(pid =>
            {
                try
                {
                    return File.ReadAllText($"/proc/{pid}/cmdline").Contains(registry.Directory / "config.yml", StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
            })
            .Select(int.Parse)];

    /// <summary>What the two legs share: one registry state, and what each found.</summary>
    public sealed class Legs(AbsolutePath root) : IDisposable
    {
        private readonly Barrier _bothStarted = new(2);

        public EmbeddedRegistry Registry { get; } = new(root);

        public System.Collections.Concurrent.ConcurrentBag<LocalRegistry> Found { get; } = [];

        public bool Overlapped { get; private set; } = true;

        public void Dispose() => _bothStarted.Dispose();

        public void ArriveTogether(CancellationToken cancellation)
        {
            if (!_bothStarted.SignalAndWait(TimeSpan.FromSeconds(20), cancellation))
            {
                Overlapped = false;
            }
        }
    }

    /// <summary>A matrix of two legs, each making sure the local registry runs, at the same moment.</summary>
    public sealed class RegistryLeg(Legs legs) : Target
    {
        protected override void Configure(TargetSpec target) => target.Matrix(MatrixAxis.Of("leg", "a", "b"));

        protected override async Task RunAsync(TargetContext context)
        {
            await Task.Run(() => legs.ArriveTogether(context.Cancellation), context.Cancellation);
            legs.Found.Add(await legs.Registry.EnsureRunningAsync(context));
        }
    }

    [Fact]
    public async Task Without_the_binary_it_runs_the_registry_image_in_docker()
    {
        if (System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != System.Runtime.InteropServices.Architecture.X64 || !OperatingSystem.IsLinux())
        {
            Assert.Skip("The stand-in registry image copies the x86-64 Linux loader and libc.");
        }

        Requirements.Docker();
        Requirements.Tool("docker-registry");
        using var root = new TempRoot();
        var registryImage = await BuildRegistryImageAsync(root);
        var embedded = new EmbeddedRegistry(root.Path / "state") { Binary = null, ContainerImage = registryImage };
        try
        {
            LocalRegistry? registry = null;
            var step = new StepAction(async context => registry = await embedded.EnsureRunningAsync(context));
            var run = (await PipelineRun.RunAsync(new PipelineBuilder().Add<InlineStep>().Provide(step), root.Path, "InlineStep")).Succeeded();

            Assert.Contains($"Started a local registry at {registry!.Host} ({registryImage})", run.Output, StringComparison.Ordinal);

            Assert.NotNull(registry.ContainerId);
            Assert.Equal("true", await Shell.RunAsync("docker", ["container", "inspect", "--format", "{{.State.Running}}", registry.ContainerId!]));
            using var http = new HttpClient();
            using var answer = await http.GetAsync(new Uri($"http://{registry.Host}/v2/"), TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        }
        finally
        {
            await TargetHarness.RunAsync(embedded.StopAsync);
            await TestDocker.RemoveRepositoriesAsync(registryImage.Split(':')[0]);
        }
    }

    /// <summary>A stand-in for registry:2 (which cannot be pulled here): Debian's registry binary and its libc, FROM scratch.</summary>
    private static async Task<string> BuildRegistryImageAsync(TempRoot root)
    {
        var binary = Requirements.FindOnPath("docker-registry")!;
        var context = root.Path / "registry-image";
        Directory.CreateDirectory(context);
        File.Copy(binary, context / "registry");
        File.Copy("/lib/x86_64-linux-gnu/libc.so.6", context / "libc.so.6");
        File.Copy("/lib64/ld-linux-x86-64.so.2", context / "ld-linux-x86-64.so.2");
        root.Write("registry-image/config.yml", """
            version: 0.1
            storage:
              filesystem:
                rootdirectory: /var/lib/registry
            http:
              addr: :5000
            """);
        root.Write("registry-image/Dockerfile", """
            FROM scratch
            COPY libc.so.6 /lib/x86_64-linux-gnu/libc.so.6
            COPY ld-linux-x86-64.so.2 /lib64/ld-linux-x86-64.so.2
            COPY registry /bin/registry
            COPY config.yml /etc/docker/registry/config.yml
            ENTRYPOINT ["/bin/registry", "serve", "/etc/docker/registry/config.yml"]
            """);
        var name = TestDocker.UniqueName("registry");
        await Shell.RunAsync("docker", ["build", "--quiet", "--tag", name + ":2", context]);
        return name + ":2";
    }
}
