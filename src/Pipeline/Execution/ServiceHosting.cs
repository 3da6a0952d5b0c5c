using Pipeline.Planning;

namespace Pipeline.Execution;

/// <summary>
/// How a run gets the service containers its targets use: started by a registered
/// <see cref="IServiceContainerHost"/>, or already running because GitHub Actions started the job's
/// <c>services:</c> (then each declared port is published on the same port of the runner).
/// </summary>
internal sealed record ServiceHosting(IServiceContainerHost? Host, bool StartedByRunner)
{
    public static ServiceHosting None { get; } = new(null, StartedByRunner: false);

    /// <summary>Fails before anything runs when a planned target uses services that nothing can start.</summary>
    public void Check(Plan plan)
    {
        if (Host is not null || StartedByRunner)
        {
            return;
        }

        var users = plan.ToRun.Where(t => t.Definition.ServiceContainers.Count > 0).Select(t => t.Definition).ToList();
        if (users.Count > 0)
        {
            throw new DefinitionException(MissingHost(users));
        }
    }

    public static string MissingHost(IEnumerable<TargetDefinition> targets) =>
        string.Join("; ", targets.Select(t => $"{t.Name} uses the service container{(t.ServiceContainers.Count > 1 ? "s" : "")} " +
            string.Join(", ", t.ServiceContainers.Select(s => $"'{s.Name}'")))) +
        ", but no service container host is registered to start them locally. Add .UseTestcontainers() " +
        "(Pipeline.Components) to the PipelineBuilder, or register your own with .Provide<IServiceContainerHost>(…).";
}
