using Pipeline;

namespace Build;

public sealed class CheckGenerated(Repository repository) : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Fails with a diff when a generated file (workflows, launch profiles, schema) differs from what the pipeline generates")
        // What generates them (the pipeline, the libraries) and what they are compared with; the test projects name RunTests' cells.
        .Inputs(i => i
            .Files("build/**", Repository.NotInputs)
            .Files("src/**", Repository.NotInputs)
            .Files(".github/**")
            .Files(".vscode/**")
            .Files(".nuke/*.json")
            .Files("tests/**/*.Tests.csproj", Repository.NotInputs)
            .Files("Directory.Build.props")
            .Files("Directory.Packages.props")
            .Files("global.json"));

    // Through build.sh, exactly as a developer would check: it is already built, so this is quick.
    protected override Task RunAsync(TargetContext context) =>
        context.RunAsync(repository.Root / "build.sh", "--generate", "--check");
}
