namespace Pipeline.Execution;

/// <summary>Fills in service values for one run: container variables before start, exposed variables after.</summary>
internal static class ServiceVariables
{
    /// <summary>The container's variables, secrets read from the run's values.</summary>
    public static Dictionary<string, string> ContainerEnvironment(ServiceContainer service, ParameterValues parameters)
    {
        var environment = new Dictionary<string, string>(service.Environment, StringComparer.Ordinal);
        foreach (var (name, secret) in service.SecretEnvironment)
        {
            environment[name] = SecretValue(service, secret, parameters);
        }

        return environment;
    }

    /// <summary>The variables the target gets from every service it uses, resolved against where each runs.</summary>
    public static Dictionary<string, string> Exposed(
        IReadOnlyList<ServiceContainer> services, Func<ServiceContainer, ServiceEndpoint> endpointOf, ParameterValues parameters)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            var endpoint = endpointOf(service);
            foreach (var variable in service.Variables)
            {
                variables[variable.Name] = variable.Value.Resolve(endpoint.Host, endpoint.HostPort, s => SecretValue(service, s, parameters));
            }
        }

        return variables;
    }

    private static string SecretValue(ServiceContainer service, Parameter<string> secret, ParameterValues parameters) =>
        parameters.TryGet(secret, out var value) && value is not null
            ? value
            : throw new UsageException(
                $"The service container '{service.Name}' needs {secret} (or ${((IParameter)secret).EnvironmentName}): {secret.Description}.");
}
