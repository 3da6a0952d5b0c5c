using Pipeline;

namespace Build;

public sealed class Pack(Repository repository) : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Packs the library's NuGet packages into artifacts/packages (version from a v* tag)")
        .DependsOn<Test>()
        .Produces(Artifacts.Packages);

    // It restores and builds Release itself: in CI it runs on a machine where only the checks ran.
    protected override Task RunAsync(TargetContext context)
    {
        var command = Repository.DotNet.Command("pack", repository.Solution, "--configuration", "Release", "--output", repository.Packages);
        return context.RunAsync(repository.ReleaseVersion is { } version ? command.AddArguments("-p:Version=" + version) : command);
    }
}
