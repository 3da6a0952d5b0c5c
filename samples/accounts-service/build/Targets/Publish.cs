using Pipeline;

namespace AccountsService.Build;

/// <summary>
/// Publishes the API and the executor and lays out each image's whole file system: the app, the .NET
/// runtime this pipeline runs on (ASP.NET Core for the API only), and the system libraries they load.
/// The Dockerfiles copy them onto an empty base, so the images build with no base image to pull.
/// </summary>
public sealed class Publish : Target
{
    /// <summary>The API image's file system, under the root (the Dockerfile copies it from there).</summary>
    public const string ApiLayout = "out/image";

    /// <summary>The executor image's file system: its build context as it is (see Executor.Dockerfile).</summary>
    public const string ExecutorLayout = "out/executor";

    protected override void Configure(TargetSpec target) => target
        .Description("Publishes the API and the executor and lays out their images' files in out/")
        .Toolchain(Toolchain.DotNet);

    protected override async Task RunAsync(TargetContext context)
    {
        await LayOutAsync(context, "src/Accounts.Api/Accounts.Api.csproj", context.RootDirectory / ApiLayout, aspNetCore: true);
        await LayOutAsync(context, "src/Accounts.Executor/Accounts.Executor.csproj", context.RootDirectory / ExecutorLayout, aspNetCore: false);
    }

    private static async Task LayOutAsync(TargetContext context, string project, AbsolutePath image, bool aspNetCore)
    {
        if (Directory.Exists(image))
        {
            Directory.Delete(image, recursive: true);
        }

        await context.RunAsync(new ToolCommand("dotnet")
            .AddArguments("publish", project, "--configuration", "Release", "--output", image / "app", "-p:UseAppHost=false")
            .WithWorkingDirectory(context.RootDirectory));
        await RuntimeLayout.CopyAsync(image, context, aspNetCore);
        context.Log.Info($"laid out {image} ({RuntimeLayout.SizeInMegabytes(image)} MB)");
    }
}
