using Pipeline;

namespace Build;

public sealed class Publish(Repository repository) : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Pushes the packed packages to the package feed (tags v* only)")
        .DependsOn<Pack>()
        .Consumes(Artifacts.Packages)
        .Requires(BuildParameters.PackageFeedApiKey)
        .Requires(BuildParameters.PackageFeedUrl)
        .OnlyWhen(Condition.OnTag("v"))
        .Publishes();

    protected override async Task RunAsync(TargetContext context)
    {
        foreach (var package in Directory.GetFiles(repository.Packages, "*.nupkg").Order(StringComparer.Ordinal))
        {
            await context.RunAsync(Repository.DotNet.Command(
                "nuget", "push", package,
                "--api-key", context.Get(BuildParameters.PackageFeedApiKey),
                "--source", context.Get(BuildParameters.PackageFeedUrl),
                "--skip-duplicate"));
        }
    }
}
