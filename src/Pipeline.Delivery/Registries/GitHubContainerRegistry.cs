namespace Pipeline.Delivery;

/// <summary>
/// GitHub's registry, <c>ghcr.io/OWNER/NAME</c>. The user is <c>GITHUB_ACTOR</c> and the password the
/// <see cref="CommonParameters.GitHubToken"/> secret; the owner defaults to <c>GITHUB_REPOSITORY_OWNER</c>.
/// </summary>
public sealed record GitHubContainerRegistry(string? Owner = null) : ContainerRegistry
{
    public const string DefaultHost = "ghcr.io";

    public string Host { get; init; } = DefaultHost;

    public override IEnumerable<IParameter> Parameters => [CommonParameters.GitHubToken];

    public override Task<RegistryAccess> ResolveAsync(RegistryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var owner = Owner ?? context.GitHub.RepositoryOwner
            ?? throw new TargetFailedException("ghcr.io needs an owner: pass one to GitHubContainerRegistry(owner) or set GITHUB_REPOSITORY_OWNER.");
        var actor = context.GitHub.Actor
            ?? throw new TargetFailedException("ghcr.io logs in as GITHUB_ACTOR, which is not set (GitHub Actions sets it; locally, export it).");
        var token = context.Target.Get(CommonParameters.GitHubToken);

        // Image names on ghcr.io must be lower case; GitHub owners often are not.
        return Task.FromResult(new RegistryAccess(Host, owner.ToLowerInvariant(), new RegistryCredentials(actor, token)));
    }
}
