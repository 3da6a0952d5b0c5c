using System.Globalization;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace Pipeline.Delivery.Tests.Deployment.Kubernetes;

/// <summary>
/// The few Kubernetes API calls the driver makes, served on 127.0.0.1 with a small in-memory
/// controller: server-side apply of Deployments and Services (generation bumps only when the spec
/// changes), a ReplicaSet per pod template with its revision, pods, events, and a rollout that
/// becomes available after <see cref="PollsUntilAvailable"/> reads — unless the image is one of
/// <see cref="UnpullableImages"/>, whose pods stay in ImagePullBackOff. Secrets are created, read and
/// merge-patched as the API server does it (see FakeKubernetesApi.Secrets.cs).
/// </summary>
public sealed partial class FakeKubernetesApi : IDisposable
{
    public const string Token = "fake-kube-token-4c1d";
    private readonly Lock _lock = new();
    private readonly Dictionary<string, V1Deployment> _deployments = [];
    private readonly Dictionary<string, V1Service> _services = [];
    private readonly List<V1ReplicaSet> _replicaSets = [];
    private readonly Dictionary<string, int> _readsSinceChange = [];
    private readonly FakeHttpServer _server;
    private int _resourceVersion;

    public FakeKubernetesApi() => _server = new FakeHttpServer(Handle);

    public int PollsUntilAvailable { get; init; } = 3;

    public HashSet<string> UnpullableImages { get; } = [];

    /// <summary>The namespaces that exist; null (the default): whichever namespace is asked for.</summary>
    public HashSet<string>? Namespaces { get; init; }

    /// <summary>Resources (<c>secrets</c>) the token may not touch: every call on them is answered 403, as RBAC does.</summary>
    public HashSet<string> ForbiddenResources { get; } = [];

    public Uri Server => _server.BaseAddress;

    public KubernetesConnection Connection => KubernetesConnection.FromServer(Server, Token);

    /// <summary>A kubeconfig that points at this fake with its token, as a CI secret would hold it.</summary>
    public string Kubeconfig() => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: fake
          cluster:
            server: {Server}
        users:
        - name: deployer
          user:
            token: {Token}
        contexts:
        - name: staging
          context:
            cluster: fake
            user: deployer
        current-context: staging
        """;

    public IReadOnlyList<FakeRequest> Requests => [.. _server.Requests];

    /// <summary>The apply requests for deployments, in order, with the image each asked for.</summary>
    public IReadOnlyList<string?> AppliedDeploymentImages =>
        [.. Requests.Where(r => r.Method == "PATCH" && r.Path.Contains("/deployments/", StringComparison.Ordinal))
            .Select(r => KubernetesManifestsImage(KubernetesJson.Deserialize<V1Deployment>(r.Body)))];

    public V1Deployment? Deployment(string ns, string name)
    {
        lock (_lock)
        {
            return _deployments.GetValueOrDefault(ns + "/" + name);
        }
    }

    public V1Service? Service(string ns, string name)
    {
        lock (_lock)
        {
            return _services.GetValueOrDefault(ns + "/" + name);
        }
    }

    /// <summary>What a person with kubectl would do: point the Service's selector elsewhere (<c>kubectl patch service</c>).</summary>
    public void SetSelector(string ns, string name, string label, string value)
    {
        lock (_lock)
        {
            var service = _services[ns + "/" + name];
            service.Spec.Selector[label] = value;
            service.Metadata.ResourceVersion = NextResourceVersion();
        }
    }

    private FakeResponse Handle(FakeRequest request)
    {
        if (request.Authorization != "Bearer " + Token)
        {
            return Status(401, "Unauthorized");
        }

        lock (_lock)
        {
            var match = Route().Match(request.Path);
            if (!match.Success)
            {
                return Status(404, $"no route for {request.Path}");
            }

            var (ns, kind, name) = (match.Groups["ns"].Value, match.Groups["kind"].Value, match.Groups["name"].Value);
            if (ForbiddenResources.Contains(kind))
            {
                return Forbidden(request.Method, ns, kind, name);
            }

            if (request.Method != "GET" && Namespaces is not null && !Namespaces.Contains(ns))
            {
                return Status(404, "NotFound", $"namespaces \"{ns}\" not found", "namespaces", ns);
            }

            return (request.Method, kind, name.Length > 0) switch
            {
                ("PATCH", "deployments", true) => ApplyDeployment(request, ns, name),
                ("PATCH", "services", true) => ApplyService(request, ns, name),
                ("GET", "deployments", true) => ReadDeployment(ns, name),
                ("GET", "services", true) => _services.TryGetValue(ns + "/" + name, out var service) ? Json(service) : Status(404, "NotFound"),
                ("GET", "replicasets", false) => Json(new V1ReplicaSetList { Items = [.. _replicaSets.Where(rs => Matches(rs.Metadata, request))] }),
                ("GET", "pods", false) => Json(new V1PodList { Items = [.. _replicaSets.Where(rs => rs.Metadata.NamespaceProperty == ns).SelectMany(Pods).Where(p => Matches(p.Metadata, request))] }),
                ("GET", "secrets", true) => ReadSecret(ns, name),
                ("POST", "secrets", false) => CreateSecret(request, ns),
                ("PATCH", "secrets", true) => PatchSecret(request, ns, name),
                ("GET", "events", false) => Json(new Corev1EventList { Items = [.. _replicaSets.Where(rs => rs.Metadata.NamespaceProperty == ns).SelectMany(Events)] }),
                _ => Status(405, $"{request.Method} {request.Path} is not faked"),
            };
        }
    }

    private FakeResponse ApplyDeployment(FakeRequest request, string ns, string name)
    {
        if (request.ContentType?.StartsWith("application/apply-patch+yaml", StringComparison.Ordinal) != true)
        {
            return Status(415, $"expected server-side apply, got {request.ContentType}");
        }

        var applied = KubernetesJson.Deserialize<V1Deployment>(request.Body);
        var key = ns + "/" + name;
        if (!_deployments.TryGetValue(key, out var stored))
        {
            stored = new V1Deployment
            {
                ApiVersion = "apps/v1",
                Kind = "Deployment",
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Uid = Guid.NewGuid().ToString(), Generation = 0, Annotations = new Dictionary<string, string>() },
            };
            _deployments[key] = stored;
        }

        stored.Metadata.Labels = applied.Metadata.Labels;
        if (Text(stored.Spec) != Text(applied.Spec))
        {
            var templateChanged = Text(stored.Spec?.Template) != Text(applied.Spec.Template);
            stored.Spec = applied.Spec;
            stored.Metadata.Generation++;
            stored.Metadata.ResourceVersion = NextResourceVersion();
            if (templateChanged)
            {
                StartRollout(stored);
            }
        }

        return Json(WithStatus(stored, countRead: false));
    }

    private FakeResponse ApplyService(FakeRequest request, string ns, string name)
    {
        if (request.ContentType?.StartsWith("application/apply-patch+yaml", StringComparison.Ordinal) != true)
        {
            return Status(415, $"expected server-side apply, got {request.ContentType}");
        }

        var applied = KubernetesJson.Deserialize<V1Service>(request.Body);
        var key = ns + "/" + name;
        if (!_services.TryGetValue(key, out var stored) || Text(stored.Spec) != Text(applied.Spec))
        {
            applied.Metadata.ResourceVersion = NextResourceVersion();
            _services[key] = stored = applied;
        }

        return Json(stored);
    }

    /// <summary>Like the deployment controller: reuse the ReplicaSet with the same template (rollback) or make one; it gets the next revision.</summary>
    private void StartRollout(V1Deployment deployment)
    {
        var template = KubernetesJson.Serialize(deployment.Spec.Template);
        var owned = _replicaSets.Where(rs => rs.Metadata.OwnerReferences[0].Uid == deployment.Metadata.Uid).ToList();
        var revision = owned.Select(RevisionOf).DefaultIfEmpty(0).Max() + 1;
        var set = owned.FirstOrDefault(rs => KubernetesJson.Serialize(WithoutHash(rs.Spec.Template)) == template);
        if (set is null)
        {
            var hash = Guid.NewGuid().ToString("N")[..10];
            var podTemplate = KubernetesJson.Deserialize<V1PodTemplateSpec>(template);
            podTemplate.Metadata.Labels["pod-template-hash"] = hash;
            set = new V1ReplicaSet
            {
                Metadata = new V1ObjectMeta
                {
                    Name = $"{deployment.Metadata.Name}-{hash}",
                    NamespaceProperty = deployment.Metadata.NamespaceProperty,
                    Labels = podTemplate.Metadata.Labels,
                    Annotations = new Dictionary<string, string>(),
                    OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = deployment.Metadata.Name, Uid = deployment.Metadata.Uid, Controller = true }],
                },
                Spec = new V1ReplicaSetSpec { Template = podTemplate, Selector = deployment.Spec.Selector, Replicas = deployment.Spec.Replicas },
            };
            _replicaSets.Add(set);
        }

        set.Metadata.Annotations[RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture);
        deployment.Metadata.Annotations[RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture);
        _readsSinceChange[deployment.Metadata.Uid] = 0;
    }

    private FakeResponse ReadDeployment(string ns, string name) =>
        _deployments.TryGetValue(ns + "/" + name, out var stored) ? Json(WithStatus(stored, countRead: true)) : Status(404, "NotFound");

    /// <summary>The rollout's progress: observed at once, available after some reads, never for an image that cannot be pulled.</summary>
    private V1Deployment WithStatus(V1Deployment stored, bool countRead)
    {
        var replicas = stored.Spec.Replicas ?? 1;
        var reads = _readsSinceChange.GetValueOrDefault(stored.Metadata.Uid) + (countRead ? 1 : 0);
        _readsSinceChange[stored.Metadata.Uid] = reads;
        var pulls = !UnpullableImages.Contains(KubernetesManifestsImage(stored) ?? "");
        var available = pulls && reads >= PollsUntilAvailable;
        var hasOld = _replicaSets.Count(rs => rs.Metadata.OwnerReferences[0].Uid == stored.Metadata.Uid) > 1;
        stored.Status = new V1DeploymentStatus
        {
            ObservedGeneration = countRead ? stored.Metadata.Generation : stored.Metadata.Generation - 1,
            Replicas = available || !hasOld ? replicas : replicas * 2,
            UpdatedReplicas = replicas,
            AvailableReplicas = available ? replicas : hasOld ? replicas : 0,
            UnavailableReplicas = available ? 0 : replicas,
            Conditions = [new V1DeploymentCondition { Status = "True", Type = "Progressing", Reason = available ? "NewReplicaSetAvailable" : "ReplicaSetUpdated" }],
        };
        return stored;
    }

    private IEnumerable<V1Pod> Pods(V1ReplicaSet set)
    {
        var deployment = _deployments.Values.Single(d => d.Metadata.Uid == set.Metadata.OwnerReferences[0].Uid);
        if (RevisionOf(set) != RevisionOf(deployment))
        {
            yield break; // old revisions were scaled down, as after a completed rollout
        }

        var image = KubernetesManifestsImage(set.Spec.Template)!;
        var pulls = !UnpullableImages.Contains(image);
        for (var i = 0; i < (set.Spec.Replicas ?? 1); i++)
        {
            yield return new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = $"{set.Metadata.Name}-p{i}", NamespaceProperty = set.Metadata.NamespaceProperty, Labels = set.Spec.Template.Metadata.Labels },
                Status = new V1PodStatus
                {
                    Phase = pulls ? "Running" : "Pending",
                    ContainerStatuses =
                    [
                        new V1ContainerStatus
                        {
                            Image = image,
                            ImageID = "",
                            Name = set.Spec.Template.Spec.Containers[0].Name,
                            Ready = pulls,
                            RestartCount = 0,
                            State = pulls
                                ? new V1ContainerState { Running = new V1ContainerStateRunning() }
                                : new V1ContainerState { Waiting = new V1ContainerStateWaiting { Message = $"Back-off pulling image \"{image}\"", Reason = "ImagePullBackOff" } },
                        },
                    ],
                },
            };
        }
    }

    private IEnumerable<Corev1Event> Events(V1ReplicaSet set) =>
        Pods(set).Where(p => p.Status.Phase == "Pending").Select(p => new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = p.Metadata.Name + ".failed", NamespaceProperty = p.Metadata.NamespaceProperty },
            InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = p.Metadata.Name, NamespaceProperty = p.Metadata.NamespaceProperty },
            Type = "Warning",
            Reason = "Failed",
            Message = $"Failed to pull image \"{p.Status.ContainerStatuses[0].Image}\": manifest unknown",
        });

    private const string RevisionAnnotation = "deployment.kubernetes.io/revision";

    private static int RevisionOf(IMetadata<V1ObjectMeta> item) =>
        item.Metadata.Annotations?.TryGetValue(RevisionAnnotation, out var text) == true ? int.Parse(text, CultureInfo.InvariantCulture) : 0;

    private static V1PodTemplateSpec WithoutHash(V1PodTemplateSpec template)
    {
        var copy = KubernetesJson.Deserialize<V1PodTemplateSpec>(KubernetesJson.Serialize(template));
        copy.Metadata.Labels.Remove("pod-template-hash");
        return copy;
    }

    private static string? KubernetesManifestsImage(V1Deployment deployment) => KubernetesManifestsImage(deployment.Spec?.Template);

    private static string? KubernetesManifestsImage(V1PodTemplateSpec? template) => template?.Spec?.Containers?.FirstOrDefault()?.Image;

    /// <summary>Equality-based label selectors (<c>a=b,c=d</c>), which is all the driver sends.</summary>
    private static bool Matches(V1ObjectMeta metadata, FakeRequest request) =>
        !request.Query.TryGetValue("labelSelector", out var selector) || selector.Length == 0
        || selector.Split(',').Select(p => p.Split('=', 2)).All(p => (metadata.Labels?.TryGetValue(p[0], out var value) == true && value == p[1]));

    private static string Text(object? value) => value is null ? "" : KubernetesJson.Serialize(value);

    private string NextResourceVersion() => (++_resourceVersion).ToString(CultureInfo.InvariantCulture);

    private static FakeResponse Json(object value) => new(200, KubernetesJson.Serialize(value));

    private static FakeResponse Status(int code, string message) =>
        new(code, $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"{{message}}","code":{{code}}}""");

    /// <summary>The Status object the API server answers a refusal with: its reason and the object it is about.</summary>
    /// <remarks>Written by hand: KubernetesClient reads a V1Status but cannot write one.</remarks>
    private static FakeResponse Status(int code, string reason, string message, string kind, string name) =>
        new(code, System.Text.Json.JsonSerializer.Serialize(new
        {
            kind = "Status",
            apiVersion = "v1",
            metadata = new { },
            status = "Failure",
            message,
            reason,
            details = new { name, kind },
            code,
        }));

    /// <summary>What RBAC answers a token without the verb on the resource.</summary>
    private static FakeResponse Forbidden(string method, string ns, string kind, string name)
    {
        var verb = method switch { "GET" => name.Length > 0 ? "get" : "list", "POST" => "create", "PATCH" => "patch", "PUT" => "update", _ => method.ToLowerInvariant() };
        var subject = name.Length > 0 ? $"{kind} \"{name}\"" : kind;
        return Status(403, "Forbidden",
            $"{subject} is forbidden: User \"system:serviceaccount:ci:deployer\" cannot {verb} resource \"{kind}\" in API group \"\" in the namespace \"{ns}\"", kind, name);
    }

    [GeneratedRegex("^/apis?/(?:apps/)?v1/namespaces/(?<ns>[^/]+)/(?<kind>[a-z]+)(?:/(?<name>[^/]+))?$")]
    private static partial Regex Route();

    public void Dispose() => _server.Dispose();
}
