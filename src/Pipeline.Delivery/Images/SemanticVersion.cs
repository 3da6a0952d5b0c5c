using System.Globalization;

namespace Pipeline.Delivery;

/// <summary>
/// A release version read from a git tag such as <c>v1.2.3</c> or <c>v2.0.0-rc.1</c>. Only
/// <c>v</c>-prefixed three-part tags count: other tags (<c>nightly</c>, <c>deploy-7</c>) are not releases.
/// </summary>
public sealed record SemanticVersion(int Major, int Minor, int Patch, string? Prerelease)
{
    /// <summary>Reads <c>v1.2.3</c> (or <c>v1.2.3-rc.1</c>); null for any other tag.</summary>
    public static SemanticVersion? FromTag(string tag)
    {
        if (tag.Length < 6 || tag[0] != 'v')
        {
            return null;
        }

        var text = tag[1..];
        string? prerelease = null;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            prerelease = text[(dash + 1)..];
            text = text[..dash];
            if (prerelease.Length == 0 || !prerelease.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
            {
                return null;
            }
        }

        var parts = text.Split('.');
        return parts.Length == 3 && parts.All(IsNumber)
            ? new SemanticVersion(Number(parts[0]), Number(parts[1]), Number(parts[2]), prerelease)
            : null;

        static bool IsNumber(string part) => part.Length is > 0 and < 10 && part.All(char.IsAsciiDigit) && (part == "0" || part[0] != '0');

        static int Number(string part) => int.Parse(part, CultureInfo.InvariantCulture);
    }

    public bool IsPrerelease => Prerelease is not null;

    public override string ToString() => $"{Major}.{Minor}.{Patch}" + (Prerelease is null ? "" : "-" + Prerelease);
}
