namespace Pipeline.Delivery;

/// <summary>
/// Any registry speaking the Docker registry API: a host (<c>registry.example.com</c>, <c>127.0.0.1:5000</c>),
/// an optional namespace, and a user with a secret password parameter (none: anonymous push).
/// </summary>
public sealed record GenericRegistry(string Host, string? Username = null, Parameter<string>? Password = null) : ContainerRegistry
{
    /// <summary>A path images go under (<c>team/services</c>), or null for the registry's root.</summary>
    public string? Namespace { get; init; }

    public override IEnumerable<IParameter> Parameters => Password is null ? [] : [Password];

    public override Task<RegistryAccess> ResolveAsync(RegistryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((Username is null) != (Password is null))
        {
            throw new TargetFailedException($"Registry {Host}: give both a user name and a password parameter, or neither.");
        }

        var credentials = Username is null ? null : new RegistryCredentials(Username, context.Target.Get(Password!));
        return Task.FromResult(new RegistryAccess(Host, Namespace, credentials));
    }
}
