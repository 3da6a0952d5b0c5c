using Pipeline;

namespace Build;

public sealed class Lint(Repository repository) : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Builds with every analyzer and code-style rule, warnings as errors")
        .DependsOn<Restore>();

    // The Lint configuration (Directory.Build.props) has its own obj/bin, so it runs beside Compile and Test.
    protected override Task RunAsync(TargetContext context) =>
        context.RunAsync(Repository.DotNet.Command(
            "build", repository.Solution, "--no-restore", "--configuration", "Lint", "-warnaserror"));
}
