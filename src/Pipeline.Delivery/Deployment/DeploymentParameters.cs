namespace Pipeline.Delivery;

/// <summary>The parameters <see cref="DeployStagingTarget"/> reads.</summary>
public static class DeploymentParameters
{
    /// <summary>Which driver deploys: <c>--deploy-driver Kubernetes</c> or <c>DEPLOY_DRIVER=Kubernetes</c>.</summary>
    public static readonly Parameter<DeploymentDriverKind> DeployDriver =
        Parameter.Create("How to deploy: LocalDocker (a container here), Kubernetes or GitOps.", DeploymentDriverKind.LocalDocker);

    /// <summary>The image to deploy, when the target is not handed one in code (another target built and pushed it).</summary>
    public static readonly Parameter<string> DeployImage =
        Parameter.Create<string>("The image to deploy, e.g. ghcr.io/acme/api:3f2a1bc (as pushed).");

    /// <summary>
    /// A kubeconfig, base64-encoded (<c>KUBECONFIG_DATA</c>), for CI where it lives in a secret; without
    /// it the Kubernetes driver reads the file <c>KUBECONFIG</c> names. One line on purpose: a runner
    /// masks a secret line by line, so a multi-line secret could show its other lines.
    /// </summary>
    public static readonly Parameter<string> KubeconfigData =
        Parameter.Secret("The kubeconfig as one line of base64 (`base64 -w0 kubeconfig`; CI: a secret); otherwise the file KUBECONFIG names is read.");

    /// <summary>A token that may push to the GitOps repository over https.</summary>
    public static readonly Parameter<string> GitopsToken =
        Parameter.Secret("Token to push to the GitOps repository over https.");
}
