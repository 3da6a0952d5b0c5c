namespace Pipeline.GitHubActions;

/// <summary>The accesses GitHub accepts per permission: most take read, write or none; a few only one of read or write.</summary>
internal static class PermissionLevels
{
    private static readonly Dictionary<string, PermissionAccess> OnlyAccess = new(StringComparer.Ordinal)
    {
        ["id-token"] = PermissionAccess.Write,
        ["copilot-requests"] = PermissionAccess.Write,
        ["models"] = PermissionAccess.Read,
        ["vulnerability-alerts"] = PermissionAccess.Read,
    };

    public static void Check(Problems problems, string owner, IEnumerable<PermissionGrant>? grants)
    {
        foreach (var grant in grants ?? [])
        {
            if (OnlyAccess.TryGetValue(grant.Permission.Name, out var only) && grant.Access != only && grant.Access != PermissionAccess.None)
            {
                var access = only.ToString().ToLowerInvariant();
                problems.Add($"{owner} grants {grant}, which GitHub rejects: {grant.Permission.Name} is {access} or none.");
            }

            if (grant.Permission.Name.Length == 0 || !grant.Permission.Name.All(c => char.IsAsciiLetterLower(c) || c == '-'))
            {
                problems.Add($"{owner} grants the permission '{grant.Permission.Name}', which is not a permission name (lowercase letters and '-').");
            }
        }
    }
}
