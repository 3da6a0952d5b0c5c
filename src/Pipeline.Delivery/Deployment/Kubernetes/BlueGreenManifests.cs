using k8s.Models;

namespace Pipeline.Delivery;

/// <summary>
/// The objects of a blue-green deployment on Kubernetes: a Deployment per colour
/// (<c>api-blue</c>, <c>api-green</c>) whose pods carry a <c>color</c> label, a Service per colour
/// (to reach it before it is live), and the application's Service, whose selector names the live colour.
/// </summary>
internal static class BlueGreenManifests
{
    public const string ColorLabel = "color";

    public static string NameOf(Deployment request, DeploymentColor color) => $"{request.Application}-{color.Label()}";

    public static Dictionary<string, string> Selector(Deployment request, DeploymentColor color) =>
        new(KubernetesManifests.Selector(request.Application)) { [ColorLabel] = color.Label() };

    public static V1Deployment Deployment(Deployment request, KubernetesSettings settings, DeploymentColor color)
    {
        var template = KubernetesManifests.PodTemplate(request, settings);
        template.Metadata.Labels[ColorLabel] = color.Label();
        var deployment = KubernetesManifests.Deployment(request, settings, template);
        deployment.Metadata.Name = NameOf(request, color);
        deployment.Metadata.Labels[ColorLabel] = color.Label();
        deployment.Spec.Selector = new V1LabelSelector { MatchLabels = Selector(request, color) };
        return deployment;
    }

    /// <summary>The application's Service (<paramref name="name"/> null) or a colour's own, selecting <paramref name="color"/>'s pods.</summary>
    public static V1Service Service(Deployment request, KubernetesSettings settings, DeploymentColor color, string? name = null)
    {
        var service = KubernetesManifests.Service(request, settings);
        service.Metadata.Name = name ?? request.Application;
        service.Spec.Selector = Selector(request, color);
        return service;
    }

    /// <summary>The colour a Service's selector names, or null when it names none (it was never switched by this driver).</summary>
    public static DeploymentColor? ColorOf(V1Service? service) =>
        service?.Spec?.Selector is { } selector && selector.TryGetValue(ColorLabel, out var label) ? DeploymentColors.Parse(label) : null;
}
