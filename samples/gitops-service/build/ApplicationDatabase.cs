using Pipeline;

namespace GitOpsService.Build;

/// <summary>
/// The service's own connection URL, the seed's DATABASE_URL: the role <see cref="SetUpDatabase"/> makes,
/// with the password it gives it (DatabasePassword), on the database it makes. The server is the one
/// DatabaseAdminUrl names (CI); locally the PostgreSQL container, by its name, as a container beside it on
/// its Docker network reaches it. The superuser's own credentials never reach the service.
/// </summary>
public static class ApplicationDatabase
{
    private const int PostgresPort = 5432;

    public static string Url(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Parameters.TryGet(GitOpsParameters.DatabasePassword, out var password) || string.IsNullOrEmpty(password))
        {
            throw new TargetFailedException(
                $"DATABASE_URL holds the password of the role {SetUpDatabase.Role}: set DATABASE_PASSWORD (the password SetUpDatabase gives the role).");
        }

        var (server, query) = ServerOf(context);
        return $"postgresql://{SetUpDatabase.Role}:{Uri.EscapeDataString(password)}@{server}/{SetUpDatabase.Database}{query}";
    }

    /// <summary>The server's host and port, and the URL's options (<c>?sslmode=require</c>), which hold for the service too.</summary>
    private static (string Server, string Query) ServerOf(TargetContext context)
    {
        if (!context.Parameters.TryGet(GitOpsParameters.DatabaseAdminUrl, out var admin) || string.IsNullOrWhiteSpace(admin))
        {
            return ($"{context.Get(GitOpsParameters.DatabaseContainer)}:{PostgresPort}", "");
        }

        if (Uri.TryCreate(admin, UriKind.Absolute, out var url) && url.Scheme is "postgresql" or "postgres" && url.Host.Length > 0)
        {
            return (url.Port > 0 ? $"{url.Host}:{url.Port}" : url.Host, url.Query);
        }

        // Never echo it: it holds the superuser's password.
        throw new TargetFailedException(
            "DATABASE_ADMIN_URL is not a postgresql:// URL, so the service's DATABASE_URL cannot name its server: give it as postgresql://user:password@host:5432/postgres.");
    }
}
