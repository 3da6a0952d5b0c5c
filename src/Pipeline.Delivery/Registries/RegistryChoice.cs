namespace Pipeline.Delivery;

/// <summary>
/// A registry picked when the push runs (by a parameter, by where it runs) among candidates named up
/// front. A push target's <c>Registry</c> is read when the pipeline is configured — also when its
/// workflows are generated, on a laptop — so a plain <c>cond ? new DockerHub(…) : null</c> would give
/// the CI job none of the registry's secrets. Every candidate's parameters are declared instead (read,
/// not required: the other candidates need none of them), and the chosen registry reads its own.
/// <code>
/// protected override ContainerRegistry Registry => new RegistryChoice(
///     context => context.Target.Get(PushTo) == Hub.DockerHub ? dockerHub : ghcr, dockerHub, ghcr);
/// </code>
/// </summary>
/// <param name="Choose">Which candidate to push to; null for the local registry.</param>
/// <param name="Candidates">Every registry <paramref name="Choose"/> may return.</param>
public sealed record RegistryChoice(Func<RegistryContext, ContainerRegistry?> Choose, params IReadOnlyList<ContainerRegistry> Candidates)
    : ContainerRegistry
{
    public override IEnumerable<IParameter> Parameters => Candidates.SelectMany(c => c.Parameters).Distinct();

    /// <summary>The candidate <see cref="Choose"/> picks (null: the local registry), checked to be one of <see cref="Candidates"/>.</summary>
    public ContainerRegistry? Chosen(RegistryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var chosen = Choose(context);
        if (chosen is not null && !Candidates.Contains(chosen))
        {
            // Its parameters were never declared: in CI its secrets would be missing.
            throw new TargetFailedException($"The registry chosen at run time ({chosen}) is not one of the candidates of its {nameof(RegistryChoice)}; list it there so CI passes its secrets.");
        }

        return chosen is RegistryChoice nested ? nested.Chosen(context) : chosen;
    }

    public override Task<RegistryAccess> ResolveAsync(RegistryContext context) =>
        Chosen(context) is { } chosen
            ? chosen.ResolveAsync(context)
            : throw new TargetFailedException("This registry choice picked the local registry, which only a push target starts.");
}
