using k8s.Models;

namespace Pipeline.Delivery;

/// <summary>
/// The Deployment and Service for one application, built as typed objects. They hold only the
/// fields this pipeline owns, as server-side apply expects: applying them again changes nothing.
/// </summary>
internal static class KubernetesManifests
{
    public const string NameLabel = "app.kubernetes.io/name";
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    public static Dictionary<string, string> Selector(string application) => new() { [NameLabel] = application };

    public static V1Deployment Deployment(Deployment request, KubernetesSettings settings) =>
        Deployment(request, settings, PodTemplate(request, settings));

    public static V1Deployment Deployment(Deployment request, KubernetesSettings settings, V1PodTemplateSpec template) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = Metadata(request, settings),
        Spec = new V1DeploymentSpec
        {
            Replicas = settings.Replicas,
            Selector = new V1LabelSelector { MatchLabels = Selector(request.Application) },
            Template = template,
        },
    };

    public static V1PodTemplateSpec PodTemplate(Deployment request, KubernetesSettings settings) => new()
    {
        Metadata = new V1ObjectMeta { Labels = Labels(request) },
        Spec = new V1PodSpec
        {
            Containers =
            [
                new V1Container
                {
                    Name = request.Application,
                    Image = request.Image.ToString(),
                    Ports = [new V1ContainerPort { ContainerPort = settings.ContainerPort, Name = "http" }],
                },
            ],
        },
    };

    public static V1Service Service(Deployment request, KubernetesSettings settings) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = Metadata(request, settings),
        Spec = new V1ServiceSpec
        {
            Selector = Selector(request.Application),
            Ports = [new V1ServicePort { Name = "http", Port = settings.ServicePort, TargetPort = settings.ContainerPort }],
        },
    };

    /// <summary>The image of a pod template's first container: what a revision runs.</summary>
    public static string? ImageOf(V1PodTemplateSpec? template) => template?.Spec?.Containers?.FirstOrDefault()?.Image;

    private static V1ObjectMeta Metadata(Deployment request, KubernetesSettings settings) => new()
    {
        Name = request.Application,
        NamespaceProperty = settings.Namespace,
        Labels = Labels(request),
    };

    private static Dictionary<string, string> Labels(Deployment request) => new()
    {
        [NameLabel] = request.Application,
        [ManagedByLabel] = "pipeline",
    };
}
