using Pipeline;

namespace GitOpsService.Build;

/// <summary>
/// The devops repository whose Helm values ArgoCD watches. In CI it is the repository variable
/// GITOPS_REPOSITORY (pushed to with the GITOPS_TOKEN secret); locally, when none is given, a bare
/// repository under <c>.nuke/temp</c> stands in for it, made once with the chart's values file.
/// </summary>
public static class DevopsRepository
{
    public const string Branch = "main";

    /// <summary>The values file of this application in the devops repository (the seed's apps/&lt;app&gt;/values.yaml).</summary>
    public const string ValuesFile = "apps/" + ServiceLayout.Application + "/values.yaml";

    private const string InitialValues = """
        # Helm values of gitops-service; the pipeline sets image.tag, ArgoCD syncs the cluster to it.
        image:
          repository: docker.io/codevertex/gitops-service
          tag: none # set by the pipeline to the commit's 8-character hash
        service:
          port: 4000
        """;

    /// <summary>The clone address of the devops repository for this run.</summary>
    public static async Task<string> ResolveAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Parameters.TryGet(GitOpsParameters.GitopsRepository, out var repository) && !string.IsNullOrWhiteSpace(repository))
        {
            return repository;
        }

        if (context.GitHub.IsActions)
        {
            throw new TargetFailedException("No devops repository: set the repository variable GITOPS_REPOSITORY to its clone URL.");
        }

        var standIn = context.RootDirectory / ".nuke" / "temp" / "devops-k8s.git";
        if (Directory.Exists(standIn))
        {
            context.Log.Info($"local stand-in for the devops repository {standIn.RelativeTo(context.RootDirectory)}: already there");
            return standIn;
        }

        await CreateStandInAsync(context, standIn);
        context.Log.Info($"local stand-in for the devops repository {standIn.RelativeTo(context.RootDirectory)}: created with {ValuesFile}");
        return standIn;
    }

    private static async Task CreateStandInAsync(TargetContext context, AbsolutePath bare)
    {
        var work = context.RootDirectory / ".nuke" / "temp" / "devops-k8s-initial";
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        await context.RunAsync(Git(context.RootDirectory).AddArguments("init", "--quiet", "--bare", "--initial-branch", Branch, bare));
        await context.RunAsync(Git(context.RootDirectory).AddArguments("init", "--quiet", "--initial-branch", Branch, work));
        Directory.CreateDirectory(Path.GetDirectoryName(work / ValuesFile)!);
        await File.WriteAllTextAsync(work / ValuesFile, InitialValues + "\n", context.Cancellation);
        await context.RunAsync(Git(work).AddArguments("add", "--all"));
        await context.RunAsync(Git(work).AddArguments("commit", "--quiet", "--message", $"Add {ServiceLayout.Application}"));
        await context.RunAsync(Git(work).AddArguments("push", "--quiet", bare, Branch));
        Directory.Delete(work, recursive: true);
    }

    private static ToolCommand Git(string directory) => new ToolCommand("git").WithWorkingDirectory(directory)
        .WithEnvironment("GIT_AUTHOR_NAME", "pipeline").WithEnvironment("GIT_AUTHOR_EMAIL", "pipeline@example.com")
        .WithEnvironment("GIT_COMMITTER_NAME", "pipeline").WithEnvironment("GIT_COMMITTER_EMAIL", "pipeline@example.com");
}
