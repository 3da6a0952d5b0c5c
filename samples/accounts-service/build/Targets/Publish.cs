using Pipeline;

namespace AccountsService.Build;

/// <summary>
/// Publishes the service and lays out the image's whole file system in out/image/: the app, the .NET
/// runtime this pipeline runs on, and the system libraries they load. The Dockerfile copies it onto an
/// empty base, so the image builds with no base image to pull.
/// </summary>
public sealed class Publish : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Publishes the service and lays out its image's files in out/image/")
        .Toolchain(Toolchain.DotNet);

    protected override async Task RunAsync(TargetContext context)
    {
        var image = context.RootDirectory / "out" / "image";
        if (Directory.Exists(image))
        {
            Directory.Delete(image, recursive: true);
        }

        await context.RunAsync(new ToolCommand("dotnet")
            .AddArguments("publish", "src/Accounts.Api/Accounts.Api.csproj", "--configuration", "Release", "--output", image / "app", "-p:UseAppHost=false")
            .WithWorkingDirectory(context.RootDirectory));
        await RuntimeLayout.CopyAsync(image, context);
        context.Log.Info($"laid out {image} ({RuntimeLayout.SizeInMegabytes(image)} MB)");
    }
}
