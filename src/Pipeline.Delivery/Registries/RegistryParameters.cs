namespace Pipeline.Delivery;

/// <summary>The parameters the registry logins read. Each is a pipeline parameter: option, environment variable, or CI secret.</summary>
public static class RegistryParameters
{
    /// <summary><c>DOCKER_HUB_USERNAME</c>: not a secret; in GitHub Actions the configuration variable <c>vars.DOCKER_HUB_USERNAME</c>.</summary>
    public static readonly Parameter<string> DockerHubUsername =
        Parameter.Create<string>("Docker Hub user that pushes the images").FromRepositoryVariable();

    /// <summary><c>DOCKER_HUB_TOKEN</c>: an access token, not the account password.</summary>
    public static readonly Parameter<string> DockerHubToken = Parameter.Secret("Docker Hub access token of DOCKER_HUB_USERNAME");
}
