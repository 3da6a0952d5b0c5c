using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline;

/// <summary>
/// A value with holes that differ between a local run and CI: a container port (published on a
/// random host port locally, on the same port in CI), the host name, and secrets (read from the
/// run's values locally, <c>${{ secrets.NAME }}</c> in a workflow). Made from a string with
/// <c>{5432}</c> and <c>{host}</c> placeholders, or from an interpolated string with typed holes.
/// </summary>
public sealed partial record ServiceTemplate(ImmutableArray<ServiceTemplate.Part> Parts)
{
    /// <summary>The host name hole, for interpolated strings: <c>$"Host={ServiceTemplate.Host}"</c>.</summary>
    public static Part Host { get; } = new HostPart();

    /// <summary>A container port hole, for interpolated strings: <c>$"Port={ServiceTemplate.Port(5432)}"</c>.</summary>
    public static Part Port(int containerPort) => new PortPart(containerPort);

    /// <summary>The container ports it refers to.</summary>
    public IEnumerable<int> Ports => Parts.OfType<PortPart>().Select(p => p.ContainerPort).Distinct();

    /// <summary>The secret parameters it refers to.</summary>
    public IEnumerable<IParameter> Parameters => Parts.OfType<SecretPart>().Select(p => p.Secret).Distinct();

    /// <summary>Reads <c>{5432}</c> as container port 5432 and <c>{host}</c> as the host; any other text is literal.</summary>
    public static ServiceTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = ImmutableArray.CreateBuilder<Part>();
        var at = 0;
        foreach (Match hole in Placeholder().Matches(text))
        {
            parts.Add(new TextPart(text[at..hole.Index]));
            parts.Add(hole.Groups["port"].Success
                ? new PortPart(int.Parse(hole.Groups["port"].Value, CultureInfo.InvariantCulture))
                : new HostPart());
            at = hole.Index + hole.Length;
        }

        parts.Add(new TextPart(text[at..]));
        return new ServiceTemplate(parts.Where(p => p is not TextPart { Text.Length: 0 }).ToImmutableArray());
    }

    public static implicit operator ServiceTemplate(string text) => Parse(text);

    /// <summary>The value with every hole filled.</summary>
    /// <param name="host">The host name the service is reached at.</param>
    /// <param name="port">Where a container port is reached.</param>
    /// <param name="secret">A secret's value (or, when rendering a workflow, its expression).</param>
    public string Resolve(string host, Func<int, int> port, Func<Parameter<string>, string> secret)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(secret);
        var text = new StringBuilder();
        foreach (var part in Parts)
        {
            text.Append(part switch
            {
                TextPart t => t.Text,
                HostPart => host,
                PortPart p => port(p.ContainerPort).ToString(CultureInfo.InvariantCulture),
                SecretPart s => secret(s.Secret),
                _ => throw new NotSupportedException(part.GetType().Name),
            });
        }

        return text.ToString();
    }

    public bool Equals(ServiceTemplate? other) => other is not null && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode() => Parts.Length;

    /// <summary>The text as declared, placeholders included; secrets as their parameter.</summary>
    public override string ToString() => string.Concat(Parts.Select(p => p.ToString()));

    internal static void RequireSecret(Parameter<string> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (!parameter.IsSecret)
        {
            throw new ArgumentException(
                $"{parameter.Name} is not a secret: a service container takes parameters only as secrets (Parameter.Secret); write other values literally.",
                nameof(parameter));
        }
    }

    [GeneratedRegex(@"\{(?:(?<port>[0-9]{1,5})|host)\}")]
    private static partial Regex Placeholder();

    /// <summary>One piece of a template: text, or a hole.</summary>
    public abstract record Part;

    internal sealed record TextPart(string Text) : Part
    {
        public override string ToString() => Text;
    }

    internal sealed record HostPart : Part
    {
        public override string ToString() => "{host}";
    }

    internal sealed record PortPart(int ContainerPort) : Part
    {
        public override string ToString() => "{" + ContainerPort.ToString(CultureInfo.InvariantCulture) + "}";
    }

    internal sealed record SecretPart(Parameter<string> Secret) : Part
    {
        public override string ToString() => "{" + ((IParameter)Secret).OptionName + "}";
    }
}
