namespace Pipeline.Delivery.KubernetesSecrets;

/// <summary>What setting up a Secret changed in the cluster.</summary>
public enum SecretOutcome
{
    /// <summary>It did not exist: it was created with every key.</summary>
    Created,

    /// <summary>It existed without some keys: only those were added.</summary>
    KeysAdded,

    /// <summary>It existed with every key: nothing was written.</summary>
    Unchanged,
}
