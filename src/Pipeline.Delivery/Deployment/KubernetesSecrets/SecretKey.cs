using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Pipeline.Delivery.KubernetesSecrets;

/// <summary>
/// One key of a Kubernetes Secret and where its value comes from when the key has to be written:
/// a secret parameter, a cryptographically random value, or a value the pipeline works out. A value
/// is asked for only then: a key the Secret already holds keeps its value, and needs none.
/// </summary>
public sealed partial class SecretKey
{
    private readonly Func<TargetContext, string> _value;

    private SecretKey(string name, string source, Func<TargetContext, string> value, Parameter<string>? parameter = null)
    {
        Name = name;
        Source = source;
        _value = value;
        Parameter = parameter;
    }

    /// <summary>The key in the Secret's data (<c>DATABASE_URL</c>): letters, digits, '-', '_' and '.'.</summary>
    public string Name { get; }

    /// <summary>Where its value comes from, as the log says it (never the value).</summary>
    public string Source { get; }

    /// <summary>The parameter it is read from; a target declares it, so CI hands the secret to the job.</summary>
    public Parameter<string>? Parameter { get; }

    /// <summary>The value of a secret parameter (<c>SecretKey.FromParameter("DATABASE_URL", Parameters.DatabaseUrl)</c>).</summary>
    public static SecretKey FromParameter(string name, Parameter<string> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var variable = ((IParameter)parameter).EnvironmentName;
        return new(Checked(name), "from " + variable, context =>
            context.Parameters.TryGet(parameter, out var value) && !string.IsNullOrEmpty(value)
                ? value
                : throw new TargetFailedException($"The key {name} takes its value from {variable}, which has none: set {variable} (or {parameter})."),
            parameter);
    }

    /// <summary>
    /// A random value made once, when the key is written: <paramref name="bytes"/> random bytes in
    /// base64 (what <c>openssl rand -base64 32</c> prints). A later run keeps it.
    /// </summary>
    public static SecretKey Generated(string name, int bytes = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 16);
        return new(Checked(name), "generated", _ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)));
    }

    /// <summary>
    /// A value the pipeline works out from its parameters (a connection URL from a server's address and a
    /// password), asked for only when the key is written; it throws <see cref="TargetFailedException"/> with
    /// one line when it cannot.
    /// </summary>
    public static SecretKey Computed(string name, Func<TargetContext, string> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(Checked(name), "worked out by the pipeline", value);
    }

    /// <summary>The value to write now; never logged.</summary>
    internal string ValueFor(TargetContext context) => _value(context);

    public override string ToString() => $"{Name} ({Source})";

    private static string Checked(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return KeyName().IsMatch(name) && name.Length <= 253
            ? name
            : throw new ArgumentException($"'{name}' cannot be a key of a Kubernetes Secret: use letters, digits, '-', '_' and '.' (at most 253).", nameof(name));
    }

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex KeyName();
}
