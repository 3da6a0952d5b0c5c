using Pipeline;

namespace StagedRelease.Build;

/// <summary>Builds the static binary the container image ships (no C toolchain, no base image needed).</summary>
public sealed class Compile(ServiceLayout layout) : Target
{
    public static readonly Parameter<string> ServiceVersion = Parameter.Create("Version stamped into the binary", "dev");

    protected override void Configure(TargetSpec target) => target
        .Description("Builds the static release-service binary into out/")
        .Toolchain(Toolchain.Go)
        .Reads(ServiceVersion);

    protected override Task RunAsync(TargetContext context) =>
        context.RunAsync(ServiceLayout.Go
            .Command("build", "-trimpath", "-ldflags", $"-s -w -X main.version={context.Get(ServiceVersion)}", "-o", layout.Binary, "./cmd/server")
            .WithWorkingDirectory(layout.Root)
            .WithEnvironment("CGO_ENABLED", "0"));
}
