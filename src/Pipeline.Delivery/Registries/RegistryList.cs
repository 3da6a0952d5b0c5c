namespace Pipeline.Delivery;

/// <summary>The registries a push by digest and its merge write to: each resolved (logins, hosts), or the local registry when none is configured.</summary>
internal static class RegistryList
{
    /// <summary>Each registry's secrets: required by the target, or only read when one is chosen at run time.</summary>
    public static void Declare(TargetSpec target, IEnumerable<ContainerRegistry> registries)
    {
        foreach (var registry in registries)
        {
            foreach (var parameter in registry.Parameters)
            {
                if (registry is RegistryChoice)
                {
                    target.Reads(parameter);
                }
                else
                {
                    target.Requires(parameter);
                }
            }
        }
    }

    public static async Task<IReadOnlyList<RegistryAccess>> ResolveAsync(TargetContext context, IEnumerable<ContainerRegistry> registries, Func<EmbeddedRegistry> local)
    {
        var registryContext = new RegistryContext(context);
        var resolved = new List<RegistryAccess>();
        foreach (var registry in registries)
        {
            var chosen = registry is RegistryChoice choice ? choice.Chosen(registryContext) : registry;
            resolved.Add(chosen is null
                ? await LocalAsync(context, local).ConfigureAwait(false)
                : await chosen.ResolveAsync(registryContext).ConfigureAwait(false));
        }

        return resolved.Count > 0 ? [.. resolved.DistinctBy(r => (r.Host, r.Namespace))] : [await LocalAsync(context, local).ConfigureAwait(false)];
    }

    private static async Task<RegistryAccess> LocalAsync(TargetContext context, Func<EmbeddedRegistry> local) =>
        new((await local().EnsureRunningAsync(context).ConfigureAwait(false)).Host, null, null);
}
