using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Pipeline.Delivery.Tests.Deployment.Kubernetes;

// Secrets as the API server keeps them: created once (409 AlreadyExists after), read (404 NotFound
// before), and changed by a JSON merge patch whose resourceVersion, when given, must be the current one.
public sealed partial class FakeKubernetesApi
{
    private readonly Dictionary<string, V1Secret> _secrets = [];

    /// <summary>Someone else's write that lands between the client's read and its next write of a secret (once).</summary>
    public Action<FakeKubernetesApi>? BeforeNextSecretWrite { get; set; }

    public V1Secret? Secret(string ns, string name)
    {
        lock (_lock)
        {
            return _secrets.GetValueOrDefault(ns + "/" + name);
        }
    }

    /// <summary>A Secret someone made by hand (<c>kubectl create secret generic</c>), with these keys and values.</summary>
    public void AddSecret(string ns, string name, IReadOnlyDictionary<string, string> data)
    {
        lock (_lock)
        {
            _secrets[ns + "/" + name] = Stored(new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
                Type = "Opaque",
                Data = data.ToDictionary(d => d.Key, d => Encoding.UTF8.GetBytes(d.Value)),
            });
        }
    }

    private FakeResponse ReadSecret(string ns, string name) =>
        _secrets.TryGetValue(ns + "/" + name, out var secret)
            ? Json(secret)
            : Status(404, "NotFound", $"secrets \"{name}\" not found", "secrets", name);

    private FakeResponse CreateSecret(FakeRequest request, string ns)
    {
        InterleaveOtherWrite();
        var secret = KubernetesJson.Deserialize<V1Secret>(request.Body);
        var name = secret.Metadata?.Name;
        if (string.IsNullOrEmpty(name))
        {
            return Status(422, "Invalid", "Secret \"\" is invalid: metadata.name: Required value: name or generateName is required", "secrets", "");
        }

        if (_secrets.ContainsKey(ns + "/" + name))
        {
            return Status(409, "AlreadyExists", $"secrets \"{name}\" already exists", "secrets", name);
        }

        secret.Metadata!.NamespaceProperty = ns;
        secret.Type ??= "Opaque";
        _secrets[ns + "/" + name] = Stored(secret);
        return new FakeResponse(201, KubernetesJson.Serialize(secret));
    }

    private FakeResponse PatchSecret(FakeRequest request, string ns, string name)
    {
        if (request.ContentType?.StartsWith("application/merge-patch+json", StringComparison.Ordinal) != true)
        {
            return Status(415, $"this fake takes a JSON merge patch of a secret, got {request.ContentType}");
        }

        InterleaveOtherWrite();

        if (!_secrets.TryGetValue(ns + "/" + name, out var secret))
        {
            return Status(404, "NotFound", $"secrets \"{name}\" not found", "secrets", name);
        }

        var patch = JsonNode.Parse(request.Body)!.AsObject();
        if (patch["metadata"]?["resourceVersion"]?.GetValue<string>() is { } version && version != secret.Metadata.ResourceVersion)
        {
            return Status(409, "Conflict",
                $"Operation cannot be fulfilled on secrets \"{name}\": the object has been modified; please apply your changes to the latest version and try again", "secrets", name);
        }

        secret.Data ??= new Dictionary<string, byte[]>();
        Merge(secret.Data, patch["data"]?.AsObject(), v => Convert.FromBase64String(v));
        secret.Metadata.Labels ??= new Dictionary<string, string>();
        Merge(secret.Metadata.Labels, patch["metadata"]?["labels"]?.AsObject(), v => v);
        secret.Metadata.ResourceVersion = NextResourceVersion();
        return Json(secret);
    }

    private void InterleaveOtherWrite()
    {
        var write = BeforeNextSecretWrite;
        BeforeNextSecretWrite = null;
        write?.Invoke(this);
    }

    /// <summary>RFC 7386 on a map: a member sets its key, a null removes it.</summary>
    private static void Merge<T>(IDictionary<string, T> target, JsonObject? changes, Func<string, T> read)
    {
        foreach (var (key, value) in changes ?? [])
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else
            {
                target[key] = read(value.GetValue<string>());
            }
        }
    }

    private V1Secret Stored(V1Secret secret)
    {
        secret.ApiVersion = "v1";
        secret.Kind = "Secret";
        secret.Metadata.Uid = Guid.NewGuid().ToString();
        secret.Metadata.ResourceVersion = NextResourceVersion();
        secret.Metadata.CreationTimestamp = DateTime.UtcNow;
        return secret;
    }
}
