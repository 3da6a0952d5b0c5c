using System.Diagnostics.CodeAnalysis;

namespace Pipeline.GitHubActions;

/// <summary>
/// One permission of the <c>GITHUB_TOKEN</c> (its key under <c>permissions:</c>), and the known ones:
/// <c>job.Permissions(Permission.Contents.Read, Permission.Packages.Write)</c>. Pick the access
/// with <see cref="Read"/>, <see cref="Write"/> or <see cref="None"/>. One GitHub adds later than
/// this list: <c>new Permission("name").Read</c>. Workflows default to <c>contents: read</c>.
/// </summary>
/// <param name="Name">The key GitHub reads: <c>contents</c>, <c>pull-requests</c>, …</param>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification =
    "GitHub's own word for a key under permissions:. The suffix rule keeps the name for .NET code access security permissions, which are not used here.")]
public sealed record Permission(string Name)
{
    public static Permission Actions { get; } = new("actions");

    public static Permission Attestations { get; } = new("attestations");

    /// <summary>Storage and deployment records of build artifacts.</summary>
    public static Permission ArtifactMetadata { get; } = new("artifact-metadata");

    public static Permission Checks { get; } = new("checks");

    public static Permission Contents { get; } = new("contents");

    public static Permission Deployments { get; } = new("deployments");

    public static Permission Discussions { get; } = new("discussions");

    /// <summary>OpenID Connect: cloud logins without stored secrets. <c>write</c> or <c>none</c> only: <c>IdToken.Read</c> fails generation.</summary>
    public static Permission IdToken { get; } = new("id-token");

    public static Permission Issues { get; } = new("issues");

    /// <summary>GitHub Models. <c>read</c> or <c>none</c> only.</summary>
    public static Permission Models { get; } = new("models");

    public static Permission Packages { get; } = new("packages");

    public static Permission Pages { get; } = new("pages");

    public static Permission PullRequests { get; } = new("pull-requests");

    /// <summary>Classic projects of the repository.</summary>
    public static Permission RepositoryProjects { get; } = new("repository-projects");

    public static Permission SecurityEvents { get; } = new("security-events");

    public static Permission Statuses { get; } = new("statuses");

    public PermissionGrant Read => new(this, PermissionAccess.Read);

    public PermissionGrant Write => new(this, PermissionAccess.Write);

    public PermissionGrant None => new(this, PermissionAccess.None);

    public override string ToString() => Name;
}

/// <summary>How much a permission allows, as GitHub writes it: <c>read</c>, <c>write</c> or <c>none</c>.</summary>
public enum PermissionAccess
{
    None,
    Read,
    Write,
}

/// <summary>A permission with its access, written as <c>packages: write</c>.</summary>
public sealed record PermissionGrant(Permission Permission, PermissionAccess Access)
{
    public override string ToString() => $"{Permission.Name}: {Access.ToString().ToLowerInvariant()}";
}
