using Pipeline;

namespace EventAndTicket.Build;

/// <summary>Builds both services' static binaries into out/, which their images copy (no C toolchain, no base image).</summary>
public sealed class Compile : Target
{
    public static readonly Parameter<string> ServiceVersion = Parameter.Create("Version stamped into the binaries", "dev");

    protected override void Configure(TargetSpec target) => target
        .Description("Builds the static event-service and ticket-service binaries into out/")
        .Toolchain(Toolchain.Go.WithVersionFile($"{Service.Events.Module}/go.mod")) // no go.mod at the root: two modules
        .Reads(ServiceVersion);

    protected override async Task RunAsync(TargetContext context)
    {
        foreach (var service in Service.All)
        {
            await context.RunAsync(Service.Go
                .Command("build", "-trimpath", "-ldflags", $"-s -w -X main.version={context.Get(ServiceVersion)}", "-o", context.RootDirectory / "out" / service.Binary, ".")
                .WithWorkingDirectory(context.RootDirectory / service.Module)
                .WithEnvironment("CGO_ENABLED", "0"));
        }
    }
}
