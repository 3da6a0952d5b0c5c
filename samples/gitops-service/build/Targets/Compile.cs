using Pipeline;

namespace GitOpsService.Build;

/// <summary>Builds the static binary the image ships (no C toolchain, no base image needed).</summary>
public sealed class Compile(ServiceLayout layout) : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Builds the static gitops-service binary into out/")
        .Toolchain(Toolchain.Go);

    protected override Task RunAsync(TargetContext context) =>
        context.RunAsync(ServiceLayout.Go
            .Command("build", "-trimpath", "-ldflags", "-s -w", "-o", layout.Binary, "./cmd/server")
            .WithWorkingDirectory(layout.Root)
            .WithEnvironment("CGO_ENABLED", "0"));
}
