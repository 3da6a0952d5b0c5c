using Pipeline;

namespace EventAndTicket.Build;

/// <summary>
/// The GitOps repository Argo CD watches: <c>--gitops-repository</c> (in CI the repository variable
/// GITOPS_REPOSITORY), or on a laptop a bare repository under .nuke/temp that this target creates
/// once, with a values file per service, so the bump runs end to end on one machine.
/// </summary>
public sealed class PrepareGitOps : Target
{
    public static readonly Parameter<string> GitopsRepository =
        Parameter.Create<string>("The GitOps repository Argo CD watches (URL or path); unset: a local bare repository under .nuke/temp").FromRepositoryVariable();

    /// <summary>The branch Argo CD syncs from.</summary>
    public const string Branch = "main";

    public static AbsolutePath LocalRepository(AbsolutePath root) => root / ".nuke" / "temp" / "gitops.git";

    /// <summary>The values file of <paramref name="service"/>, relative to the repository's root.</summary>
    public static string ValuesFile(Service service) => $"apps/{service.Binary}/values.yaml";

    public static string RepositoryOf(TargetContext context) =>
        context.Parameters.TryGet(GitopsRepository, out var repository) && !string.IsNullOrWhiteSpace(repository)
            ? repository
            : LocalRepository(context.RootDirectory);

    protected override void Configure(TargetSpec target) => target
        .Description("Names the GitOps repository; on a laptop creates its local stand-in once")
        .Reads(GitopsRepository)
        .Requires(RequiredTool.Git);

    protected override async Task RunAsync(TargetContext context)
    {
        var local = LocalRepository(context.RootDirectory);
        if (RepositoryOf(context) != local.ToString())
        {
            context.Log.Info($"Argo CD's repository: {RepositoryOf(context)}");
            return;
        }

        if (File.Exists(local / "HEAD"))
        {
            context.Log.Info($"The local GitOps repository is already there: {local}");
            return;
        }

        var seed = context.TempDirectory / "gitops-seed";
        Directory.CreateDirectory(seed);
        foreach (var service in Service.All)
        {
            var file = seed / ValuesFile(service);
            Directory.CreateDirectory(file.Parent!);
            await File.WriteAllTextAsync(file, $"""
                # {service.Binary} in the cluster: Argo CD syncs this file; the pipeline sets image.tag.
                replicaCount: 2
                image:
                  repository: ghcr.io/dws-org/{service.Binary}
                  tag: initial
                """ + "\n", context.Cancellation);
        }

        await Git(context, context.RootDirectory, "init", "--quiet", "--bare", "--initial-branch=" + Branch, local);
        await Git(context, seed, "init", "--quiet", "--initial-branch=" + Branch);
        await Git(context, seed, "add", "-A");
        await Git(context, seed, "-c", "user.name=pipeline", "-c", "user.email=pipeline@example.com", "commit", "--quiet", "-m", "The services' manifests");
        await Git(context, seed, "push", "--quiet", local, Branch);
        context.Log.Info($"Created the local GitOps repository {local}, standing in for the one Argo CD watches");
    }

    private static Task<ProcessResult> Git(TargetContext context, AbsolutePath directory, params string[] arguments) =>
        context.RunAsync(new Tool("git").Command(arguments).WithWorkingDirectory(directory));
}
