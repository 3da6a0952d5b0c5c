using System.Text.RegularExpressions;

namespace Pipeline.Delivery;

/// <summary>A target's name as a folder or artifact name: <c>PushToDockerHub</c> becomes <c>push-to-docker-hub</c>.</summary>
internal static partial class KebabName
{
    public static string Of(Type target) => WordStart().Replace(target.Name, "$1-$2").ToLowerInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex WordStart();
}
