using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Registries;

public sealed class PushRetrySpecs
{
    [Fact]
    public async Task A_push_to_a_registry_that_is_not_up_yet_is_retried_until_it_is()
    {
        Requirements.Docker();
        await using var registry = TestRegistry.Create();
        using var root = new TempRoot();
        var retries = 0;

        // The registry comes up when the first push has failed: no timing, the retry itself opens the gate.
        var backoff = new Backoff(4, TimeSpan.FromMilliseconds(100))
        {
            BeforeRetry = async (_, _, _) =>
            {
                if (Interlocked.Increment(ref retries) == 1)
                {
                    await registry.StartAsync();
                }
            },
        };
        var setup = Setup.For(root, new GenericRegistry(registry.Host), backoff);
        try
        {
            var run = (await PipelineRun.RunAsync(setup.Builder(), root.Path, PushImagesTargetSpecsVariables.OnMain, "PushTestImage")).Succeeded();

            Assert.Equal(1, retries);
            Assert.Contains($"docker push {registry.Host}/{setup.Name}:", run.Output, StringComparison.Ordinal);
            Assert.Contains("attempt 1 of 4 failed", run.Output, StringComparison.Ordinal);
            Assert.Equal(await TestDocker.InspectAsync($"{registry.Host}/{setup.Name}:main", "{{index .RepoDigests 0}}"), PushedImages.At(root.Path)[setup.Name].ToString());
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(setup.Name);
        }
    }

    [Fact]
    public async Task A_registry_that_never_comes_up_fails_after_the_last_attempt()
    {
        Requirements.Docker();
        await using var registry = TestRegistry.Create();
        using var root = new TempRoot();
        var setup = Setup.For(root, new GenericRegistry(registry.Host), new Backoff(2, TimeSpan.FromMilliseconds(50)));
        try
        {
            var run = await PipelineRun.RunAsync(setup.Builder(), root.Path, PushImagesTargetSpecsVariables.OnMain, "PushTestImage");

            Assert.NotEqual(0, run.ExitCode);
            Assert.True(run.Output.Contains("attempt 1 of 2 failed", StringComparison.Ordinal), run.Output); // the whole output when it fails
            Assert.DoesNotContain("attempt 2 of 2 failed", run.Output, StringComparison.Ordinal);
            Assert.Contains("connection refused", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(setup.Name);
        }
    }
}

internal static class PushImagesTargetSpecsVariables
{
    public static IReadOnlyDictionary<string, string> OnMain { get; } = new Dictionary<string, string>
    {
        ["GITHUB_SHA"] = "4f3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a",
        ["GITHUB_REF"] = "refs/heads/main",
        ["GITHUB_EVENT_NAME"] = "push",
    };
}
