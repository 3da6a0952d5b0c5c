using System.Runtime.InteropServices;

namespace Pipeline.Delivery;

/// <summary>
/// An operating system and CPU an image is built for, as Docker and OCI indexes name it:
/// <c>linux/amd64</c>, <c>linux/arm64</c>, <c>linux/arm/v7</c>.
/// </summary>
/// <param name="Os">The <c>os</c> of the OCI platform (<c>linux</c>).</param>
/// <param name="Architecture">The <c>architecture</c> (<c>amd64</c>, <c>arm64</c>).</param>
/// <param name="Variant">The <c>variant</c> (<c>v7</c>), or null.</param>
public sealed record Platform(string Os, string Architecture, string? Variant = null)
{
    public static Platform LinuxAmd64 { get; } = new("linux", "amd64");

    public static Platform LinuxArm64 { get; } = new("linux", "arm64");

    public static Platform LinuxArmV7 { get; } = new("linux", "arm", "v7");

    /// <summary>
    /// The platform this machine's Docker engine builds without emulation: Linux containers on this
    /// processor (a Docker Desktop engine runs Linux in a VM of the same processor).
    /// </summary>
    public static Platform Host { get; } = RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.Arm64 => LinuxArm64,
        System.Runtime.InteropServices.Architecture.Arm => LinuxArmV7,
        _ => LinuxAmd64,
    };

    /// <summary>Reads <c>os/architecture[/variant]</c>.</summary>
    public static Platform Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var parts = text.Trim().Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))))
        {
            throw new FormatException($"'{text}' is not a platform: expected os/architecture[/variant] in lower case (linux/arm64).");
        }

        return new Platform(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
    }

    /// <summary>The platform in a tag or file name: <c>linux-arm64</c>, <c>linux-arm-v7</c>.</summary>
    public string Suffix => ToString().Replace('/', '-');

    public override string ToString() => $"{Os}/{Architecture}" + (Variant is null ? "" : "/" + Variant);
}
