using Pipeline;

namespace Build;

public sealed class Compile(Repository repository, ParameterValues parameters) : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Builds the solution")
        .DependsOn<Restore>()
        .Inputs(i => repository.SolutionInputs(i.Parameter(BuildParameters.Configuration), "bin/" + parameters.Get(BuildParameters.Configuration)));

    protected override Task RunAsync(TargetContext context) =>
        context.RunAsync(Repository.DotNet.Command(
            "build", repository.Solution, "--no-restore", "--configuration", context.Get(BuildParameters.Configuration).ToString()));
}
