using Pipeline;

namespace StagedRelease.Build;

/// <summary>
/// Where the release answers once it runs on Kubernetes (<c>--deploy-driver Kubernetes</c>): the
/// ingresses a runner outside the cluster reaches. Locally the containers' own addresses are used and
/// these are not read. Each is an option, an environment variable or a repository variable.
/// </summary>
public static class ReleaseAddresses
{
    public static readonly Parameter<string> StagingUrl =
        Parameter.Create("Where staging answers on the cluster (its ingress).", "https://release.staging.example.com/").FromRepositoryVariable();

    public static readonly Parameter<string> ProductionUrl =
        Parameter.Create("Where production answers on the cluster (its ingress), watched after the switch.", "https://release.example.com/").FromRepositoryVariable();

    public static readonly Parameter<string> ProductionPreviewUrl = Parameter.Create(
        "Where one production colour answers before it takes the traffic (a preview ingress; {color} is blue or green).",
        "https://release-{color}.example.com/").FromRepositoryVariable();

    /// <summary>The parameter's value as an address, or one line saying which option is not one.</summary>
    public static Uri Of(TargetContext context, Parameter<string> address, string? color = null)
    {
        var text = context.Get(address);
        var value = color is null ? text : text.Replace("{color}", color, StringComparison.Ordinal);
        return Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new TargetFailedException($"{((IParameter)address).OptionName} '{text}' is not an http(s) address.");
    }
}
