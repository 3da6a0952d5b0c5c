using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Pipeline;

/// <summary>
/// Builds a <see cref="ServiceTemplate"/> from an interpolated string: text stays literal, and the
/// holes may be <see cref="ServiceTemplate.Host"/>, <see cref="ServiceTemplate.Port"/>, a secret
/// <see cref="Parameter{T}"/> or plain text. <c>$"Host={ServiceTemplate.Host};Password={DbPassword}"</c>.
/// </summary>
[InterpolatedStringHandler]
public readonly struct ServiceTemplateBuilder
{
    private readonly ImmutableArray<ServiceTemplate.Part>.Builder _parts;

    public ServiceTemplateBuilder(int literalLength, int formattedCount)
    {
        _ = literalLength;
        _parts = ImmutableArray.CreateBuilder<ServiceTemplate.Part>(formattedCount * 2 + 1);
    }

    public void AppendLiteral(string text) => _parts.Add(new ServiceTemplate.TextPart(text));

    public void AppendFormatted(ServiceTemplate.Part hole) => _parts.Add(hole);

    /// <summary>A secret: its value locally, <c>${{ secrets.NAME }}</c> in a workflow.</summary>
    public void AppendFormatted(Parameter<string> secret)
    {
        ServiceTemplate.RequireSecret(secret);
        _parts.Add(new ServiceTemplate.SecretPart(secret));
    }

    public void AppendFormatted(string text) => _parts.Add(new ServiceTemplate.TextPart(text));

    internal ServiceTemplate Build() =>
        new([.. _parts.Where(p => p is not ServiceTemplate.TextPart { Text.Length: 0 })]);
}
