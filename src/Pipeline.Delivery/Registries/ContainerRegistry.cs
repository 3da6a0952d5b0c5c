namespace Pipeline.Delivery;

/// <summary>
/// Where images are pushed and how to log in there. The kinds: <see cref="GitHubContainerRegistry"/>,
/// <see cref="DockerHub"/>, <see cref="ElasticContainerRegistry"/> and <see cref="GenericRegistry"/>;
/// with none, Push uses a local registry it starts itself (<see cref="EmbeddedRegistry"/>).
/// </summary>
public abstract record ContainerRegistry
{
    /// <summary>The parameters (secrets) the login needs: the push target requires them, so CI passes them to its job.</summary>
    public virtual IEnumerable<IParameter> Parameters => [];

    /// <summary>Finds the host, namespace and credentials, reading parameters and variables (and running a tool for ECR).</summary>
    public abstract Task<RegistryAccess> ResolveAsync(RegistryContext context);

    /// <summary>
    /// <paramref name="registry"/> under GitHub Actions, the local registry elsewhere — decided when the
    /// push runs, so a workflow generated on a laptop still gives the push job the registry's secrets.
    /// </summary>
    public static ContainerRegistry UnderGitHubActions(ContainerRegistry registry) =>
        new RegistryChoice(context => context.GitHub.IsActions ? registry : null, registry);
}
