using System.Net;
using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;
using k8s.Models;

namespace Pipeline.Delivery.KubernetesSecrets;

/// <summary>
/// Makes sure Opaque Secrets exist through the cluster's API server, the idempotent way: a missing Secret
/// is created with every key, a Secret missing keys gets only those, and a value already there is never
/// changed (a generated one is not made again). Values never reach a log or an error; keys do.
/// </summary>
public sealed class KubernetesSecrets(KubernetesConnection connection)
{
    /// <summary>The label a Secret this class creates carries, with the value <see cref="ManagedBy"/>.</summary>
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    public const string ManagedBy = "pipeline";

    /// <summary>Who the API server records as writing the fields (server-side field ownership).</summary>
    public const string FieldManager = "pipeline";

    // Someone else creating or changing the Secret between a read and a write is answered 409: read again.
    private const int Attempts = 3;

    /// <summary>
    /// Ensures the Secret <paramref name="name"/> in <paramref name="ns"/> holds every key of <paramref name="keys"/>.
    /// A refusal of the API server (a missing namespace, 403…) is a <see cref="TargetFailedException"/> of one line.
    /// </summary>
    public async Task<SecretSetUp> EnsureAsync(string ns, string name, IReadOnlyList<SecretKey> keys, TargetContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ns);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(context);
        using var client = new Kubernetes(ClientConfiguration(ns, name));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await EnsureOnceAsync(client, ns, name, keys, context).ConfigureAwait(false);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict && attempt < Attempts)
            {
                context.Log.Info($"secret {name} in namespace {ns} was written by someone else meanwhile: reading it again");
            }
            catch (HttpOperationException e)
            {
                // No inner exception: the request it carries holds the values.
                throw new TargetFailedException(KubernetesSecretError.Describe(e, ns, name, connection));
            }
            catch (HttpRequestException e)
            {
                throw new TargetFailedException($"Could not reach the Kubernetes API server ({connection}) to set up secret {name} in namespace {ns}: {e.Message}");
            }
        }
    }

    private static async Task<SecretSetUp> EnsureOnceAsync(Kubernetes client, string ns, string name, IReadOnlyList<SecretKey> keys, TargetContext context)
    {
        var cancellation = context.Cancellation;
        var existing = await KubernetesDriver.ReadOrNullAsync(() => client.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: cancellation)).ConfigureAwait(false);
        if (existing is null)
        {
            await client.CoreV1.CreateNamespacedSecretAsync(NewSecret(ns, name, keys, context), ns, fieldManager: FieldManager, cancellationToken: cancellation).ConfigureAwait(false);
            return new SecretSetUp(ns, name, SecretOutcome.Created, keys, []);
        }

        var missing = keys.Where(k => existing.Data?.ContainsKey(k.Name) != true).ToList();
        var kept = keys.Select(k => k.Name).Except(missing.Select(k => k.Name)).ToList();
        if (missing.Count == 0)
        {
            return new SecretSetUp(ns, name, SecretOutcome.Unchanged, [], kept);
        }

        // A merge patch of the missing keys alone, on the version just read: a change in between is a 409, not lost.
        // Its labels stay as they are: a Secret someone else made is not claimed.
        var patch = new V1Secret
        {
            Metadata = new V1ObjectMeta { ResourceVersion = existing.Metadata.ResourceVersion },
            Data = missing.ToDictionary(k => k.Name, k => Encoding.UTF8.GetBytes(k.ValueFor(context)), StringComparer.Ordinal),
        };
        await client.CoreV1.PatchNamespacedSecretAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), name, ns, fieldManager: FieldManager, cancellationToken: cancellation).ConfigureAwait(false);
        return new SecretSetUp(ns, name, SecretOutcome.KeysAdded, missing, kept);
    }

    private static V1Secret NewSecret(string ns, string name, IReadOnlyList<SecretKey> keys, TargetContext context) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Type = "Opaque",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ns,
            Labels = new Dictionary<string, string> { [ManagedByLabel] = ManagedBy },
        },
        Data = keys.ToDictionary(k => k.Name, k => Encoding.UTF8.GetBytes(k.ValueFor(context)), StringComparer.Ordinal),
    };

    private KubernetesClientConfiguration ClientConfiguration(string ns, string name)
    {
        try
        {
            return connection.ToClientConfiguration();
        }
        catch (KubeConfigException e)
        {
            throw new TargetFailedException($"Cannot set up secret {name} in namespace {ns}: the kubeconfig ({connection}) is not usable: {e.Message}");
        }
    }
}
