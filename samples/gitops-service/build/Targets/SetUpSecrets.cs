using Pipeline;
using Pipeline.Delivery;
using Pipeline.Delivery.KubernetesSecrets;

namespace GitOpsService.Build;

/// <summary>
/// The seed's secret creation: <c>app-secrets</c> in the service's namespace with DATABASE_URL (the service's
/// own role on the database <see cref="SetUpDatabase"/> made) and a JWT_SECRET generated once. A key is
/// written only when missing, so a second run says "already there" and the signing key stays the same.
/// It needs a cluster: KUBECONFIG_DATA (CI: a secret) or KUBECONFIG. A laptop without either skips it
/// with one line, as no local stand-in can take a cluster's place; a CI run without one fails.
/// </summary>
public sealed class SetUpSecrets : KubernetesSecretTarget
{
    public const string Secret = "app-secrets";

    /// <summary>The seed's namespace; ArgoCD deploys the service there.</summary>
    public const string Namespace = "mosuon";

    protected override string SecretName => Secret;

    protected override string SecretNamespace => Namespace;

    protected override IEnumerable<SecretKey> Keys =>
        [SecretKey.Computed("DATABASE_URL", ApplicationDatabase.Url), SecretKey.Generated("JWT_SECRET")];

    protected override void Extend(TargetSpec target) => target
        .DependsOn<SetUpDatabase>() // DATABASE_URL names the role and database it makes
        .Reads(GitOpsParameters.DatabaseAdminUrl)
        .Reads(GitOpsParameters.DatabasePassword)
        .Reads(GitOpsParameters.DatabaseContainer);

    protected override async Task RunAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!KubeconfigOfRun.IsGiven(context))
        {
            if (context.GitHub.IsActions)
            {
                throw new TargetFailedException($"No cluster for secret {Secret}: set the KUBECONFIG_DATA secret to a kubeconfig as one line of base64 (`base64 -w0 kubeconfig`).");
            }

            context.Log.Info($"secret {Secret}: skipped, no cluster given (KUBECONFIG_DATA or KUBECONFIG); it is set up on a run that names one");
            return;
        }

        await base.RunAsync(context);
    }
}
