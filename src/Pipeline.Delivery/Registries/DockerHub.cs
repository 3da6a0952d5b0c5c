namespace Pipeline.Delivery;

/// <summary>Docker Hub, <c>docker.io/NAMESPACE/NAME</c>, with <see cref="RegistryParameters.DockerHubUsername"/> and an access token.</summary>
public sealed record DockerHub(string Namespace) : ContainerRegistry
{
    public override IEnumerable<IParameter> Parameters => [RegistryParameters.DockerHubUsername, RegistryParameters.DockerHubToken];

    public override Task<RegistryAccess> ResolveAsync(RegistryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var credentials = new RegistryCredentials(context.Target.Get(RegistryParameters.DockerHubUsername), context.Target.Get(RegistryParameters.DockerHubToken));
        return Task.FromResult(new RegistryAccess("docker.io", Namespace, credentials));
    }
}
