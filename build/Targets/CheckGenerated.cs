using Pipeline;

namespace Build;

public sealed class CheckGenerated(Repository repository) : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Fails with a diff when a generated file (workflows, launch profiles, schema) differs from what the pipeline generates");

    // Through build.sh, exactly as a developer would check: it is already built, so this is quick.
    protected override Task RunAsync(TargetContext context) =>
        context.RunAsync(repository.Root / "build.sh", "--generate", "--check");
}
