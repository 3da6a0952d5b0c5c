using Pipeline;

namespace Build;

public sealed class Restore(Repository repository) : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Restores the NuGet packages of the solution")
        .Retry(3, TimeSpan.FromSeconds(2)) // the package feed is the network: retry its hiccups
        .Inputs(i => repository.SolutionInputs(i, "obj/project.assets.json"));

    protected override Task RunAsync(TargetContext context) =>
        context.RunAsync(Repository.DotNet.Command("restore", repository.Solution));
}
