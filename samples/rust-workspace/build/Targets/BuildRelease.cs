using Pipeline;

namespace RustWorkspace.Build;

/// <summary>
/// One <c>cargo build --release</c> for the whole workspace: every service binary at once, linked
/// statically so its image needs no base, copied to <c>out/</c> for the images.
/// </summary>
public sealed class BuildRelease : Target
{
    /// <summary>The released binaries, handed to the image job in CI.</summary>
    public static readonly Artifact Binaries = Artifact.Of("release-binaries", "out");

    private const string Triple = "x86_64-unknown-linux-gnu";

    private static readonly Tool Cargo = new("cargo");

    protected override void Configure(TargetSpec target) => target
        .Description("Builds every service's static release binary into out/")
        .Toolchain(Toolchain.Cargo)
        .DependsOn<TestServices>()
        .DependsOn<SecurityAudit>()
        .Produces(Binaries);

    protected override async Task RunAsync(TargetContext context)
    {
        // An explicit --target keeps crt-static away from build scripts, should a crate ever get one.
        await context.RunAsync(Cargo.Command("build", "--release", "--workspace", "--locked", "--target", Triple)
            .WithWorkingDirectory(context.RootDirectory)
            .WithEnvironment("RUSTFLAGS", "-C target-feature=+crt-static"));

        var built = context.RootDirectory / "target" / Triple / "release";
        var output = context.RootDirectory / "out";
        Directory.CreateDirectory(output);
        foreach (var service in Services.Axis.Values)
        {
            File.Copy(built / Services.Crate(service), output / Services.Crate(service), overwrite: true);
        }

        context.Log.Info($"{Services.Axis.Values.Count} service binaries in out/");
    }
}
