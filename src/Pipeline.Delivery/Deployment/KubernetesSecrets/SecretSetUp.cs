namespace Pipeline.Delivery.KubernetesSecrets;

/// <summary>How a Secret was set up: what was written and what was already there (key names only, never values).</summary>
/// <param name="Written">The keys written this time, with where each value came from.</param>
/// <param name="Kept">The keys that were already there; their values were left as they are.</param>
public sealed record SecretSetUp(string Namespace, string Name, SecretOutcome Outcome, IReadOnlyList<SecretKey> Written, IReadOnlyList<string> Kept)
{
    /// <summary>One line for the log.</summary>
    public string Description => Outcome switch
    {
        SecretOutcome.Created => $"secret {Name} in namespace {Namespace}: created with {string.Join(", ", Written)}",
        SecretOutcome.KeysAdded => $"secret {Name} in namespace {Namespace}: already there; added the missing {string.Join(", ", Written)}"
            + (Kept.Count > 0 ? $", left {string.Join(", ", Kept)} as they are" : ""),
        _ => $"secret {Name} in namespace {Namespace}: already there with {string.Join(", ", Kept)} (values left as they are)",
    };
}
