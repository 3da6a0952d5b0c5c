using System.Text.RegularExpressions;

namespace Pipeline.Delivery.KubernetesSecrets;

/// <summary>
/// Makes sure an Opaque Secret the application reads exists in its namespace with every key it needs,
/// created only where missing: a first run creates it, a later one adds only keys it lacks and otherwise
/// changes nothing ("already there"), so a generated value stays the one the application has. The
/// cluster is the run's kubeconfig (<see cref="KubeconfigOfRun"/>). Subclass it with a few typed lines:
/// <code>
/// public sealed class SetUpSecrets : KubernetesSecretTarget
/// {
///     protected override string SecretName => "app-secrets";
///     protected override string SecretNamespace => "shop";
///     protected override IEnumerable&lt;SecretKey&gt; Keys =>
///         [SecretKey.FromParameter("DATABASE_URL", ShopParameters.DatabaseUrl), SecretKey.Generated("JWT_SECRET")];
///     protected override void Extend(TargetSpec target) => target.DependentFor&lt;Deploy&gt;();
/// }
/// </code>
/// </summary>
public abstract partial class KubernetesSecretTarget : Target
{
    /// <summary>The Secret's name (<c>app-secrets</c>).</summary>
    protected abstract string SecretName { get; }

    /// <summary>The namespace it lives in; it must exist.</summary>
    protected abstract string SecretNamespace { get; }

    /// <summary>Its keys and where each value comes from when the key is written.</summary>
    protected abstract IEnumerable<SecretKey> Keys { get; }

    /// <summary>
    /// The cluster when no <c>KUBECONFIG_DATA</c> secret is given; null (the default) for the file the
    /// run's <c>KUBECONFIG</c> names, else <c>~/.kube/config</c>.
    /// </summary>
    protected virtual KubernetesConnection? Connection => null;

    /// <summary>Declares the kubeconfig secret and the parameters its keys read, then what <see cref="Extend"/> adds.</summary>
    protected sealed override void Configure(TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Description($"Creates the Kubernetes secret {SecretName} in {SecretNamespace} and its keys where missing");
        target.Publishes(); // it writes to a cluster: nothing a cache holds may stand in for it
        target.Reads(DeploymentParameters.KubeconfigData);
        foreach (var parameter in ParametersOfKeys())
        {
            target.Reads(parameter);
        }

        Extend(target);
    }

    /// <summary>
    /// What this pipeline adds to the target: relations, conditions, the parameters a computed key reads.
    /// Called after the base's declarations, which it cannot drop.
    /// <code>protected override void Extend(TargetSpec target) => target.DependentFor&lt;Deploy&gt;();</code>
    /// </summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    protected override async Task RunAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var keys = ReadKeys();
        CheckName(SecretName, DnsSubdomain(), "secret name", "a DNS subdomain: lower-case letters, digits, '-' and '.'");
        CheckName(SecretNamespace, DnsLabel(), "namespace", "a DNS label: lower-case letters, digits and '-'");
        var connection = KubeconfigOfRun.Connection(context, Connection);
        context.Log.Info($"Setting up secret {SecretName} in namespace {SecretNamespace} with {string.Join(", ", keys.Select(k => k.Name))} ({connection})");
        var result = await new KubernetesSecrets(connection).EnsureAsync(SecretNamespace, SecretName, keys, context).ConfigureAwait(false);
        context.Log.Info(result.Description);
    }

    /// <summary>The parameters the keys read; a malformed key is left for the run to report in one line.</summary>
    private IEnumerable<Parameter<string>> ParametersOfKeys()
    {
        try
        {
            return [.. Keys.Select(k => k.Parameter).OfType<Parameter<string>>().Distinct()];
        }
        catch (ArgumentException)
        {
            return [];
        }
    }

    /// <summary>The keys; a malformed or repeated one fails the run with one line.</summary>
    private List<SecretKey> ReadKeys()
    {
        List<SecretKey> keys;
        try
        {
            keys = [.. Keys];
        }
        catch (ArgumentException e)
        {
            throw new TargetFailedException($"{GetType().Name}: {e.WithoutParameterName()}");
        }

        if (keys.Count == 0)
        {
            throw new TargetFailedException($"{GetType().Name} gives the secret {SecretName} no keys: list them in {nameof(Keys)}.");
        }

        if (keys.GroupBy(k => k.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new TargetFailedException($"{GetType().Name} gives the key {twice.Key} twice ({string.Join(", ", twice.Select(k => k.Source))}); keep one.");
        }

        return keys;
    }

    private void CheckName(string value, Regex pattern, string what, string rule)
    {
        if (string.IsNullOrEmpty(value) || !pattern.IsMatch(value))
        {
            throw new TargetFailedException($"{GetType().Name}: '{value}' is not a valid {what}: use {rule}.");
        }
    }

    [GeneratedRegex("^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
