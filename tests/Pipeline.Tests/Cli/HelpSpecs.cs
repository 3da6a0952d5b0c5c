using Pipeline.Tests.Parameters;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Cli;

public sealed class HelpSpecs
{
    [Fact]
    public async Task Help_shows_listed_targets_parameters_with_sources_and_hides_unlisted_targets()
    {
        var script = new Script()
            .Parameters(Params.Configuration, Params.RegistryPassword, Params.Version.AsRequired())
            .Target<A>(t => t.Description("Compiles"))
            .Target<B>(t => t.DependsOn<A>().Description("Tests"))
            .Target<C>(t => t.Unlisted())
            .Default<B>();

        var run = await script.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Targets (default: B):", run.Output);
        Assert.Matches(@"B\s+Tests\s+→ A", run.Output);
        Assert.DoesNotMatch(@"\n\s+C\s", run.Output);
        Assert.Matches(@"--registry-password <text>\s+Registry password \(secret\)\s+REGISTRY_PASSWORD", run.Output);
        Assert.Matches(@"--version <text>\s+Version to stamp \(required\)", run.Output);
        Assert.Empty(run.Events);
    }

    [Fact]
    public async Task An_option_value_placed_before_a_target_is_explained()
    {
        var script = new Script().Target<A>();

        var run = await script.RunAsync("--plan", "A");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Targets go before the options: ./build.sh Test --plan", run.Error);
    }
}
