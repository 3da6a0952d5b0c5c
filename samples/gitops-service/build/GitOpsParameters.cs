using Pipeline;

namespace GitOpsService.Build;

/// <summary>Where a run delivers to: decides how strict the scan is.</summary>
public enum DeliveryEnvironment
{
    /// <summary>Findings are warnings (the seed's TRIVY_ECODE=0).</summary>
    Development,

    /// <summary>Critical findings stop the delivery (TRIVY_ECODE=1).</summary>
    Production,
}

/// <summary>The seed's settings, typed: each is a command-line option, an environment variable or a CI secret/variable.</summary>
public static class GitOpsParameters
{
    public static readonly Parameter<DeliveryEnvironment> DeployEnvironment =
        Parameter.Create("Development lets the scan warn; Production makes critical findings fail it.", DeliveryEnvironment.Development);

    public static readonly Parameter<string> GitopsRepository = Parameter.Create<string>(
        "The devops repository the Helm values live in (clone URL or path); locally a stand-in under .nuke/temp when unset.")
        .FromRepositoryVariable();

    public static readonly Parameter<string> DatabaseAdminUrl =
        Parameter.Secret("A PostgreSQL superuser connection URL for the set-up; locally a container on this machine when unset.");

    public static readonly Parameter<string> DatabasePassword =
        Parameter.Secret("The application role's password, used only when the role is created.");

    public static readonly Parameter<string> DatabaseContainer =
        Parameter.Create("The local PostgreSQL container the set-up uses when no DatabaseAdminUrl is given.", "gitops-service-postgres");
}
