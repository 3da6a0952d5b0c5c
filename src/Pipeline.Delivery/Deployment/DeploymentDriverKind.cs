namespace Pipeline.Delivery;

/// <summary>The drivers <see cref="DeployStagingTarget"/> can pick between (its <c>--deploy-driver</c> parameter).</summary>
public enum DeploymentDriverKind
{
    /// <summary>A container on this machine's Docker engine: the default, it needs nothing else.</summary>
    LocalDocker,

    /// <summary>A Deployment and Service applied to a cluster.</summary>
    Kubernetes,

    /// <summary>A commit of the new tag to a GitOps repository that Argo CD or Flux syncs.</summary>
    GitOps,
}
