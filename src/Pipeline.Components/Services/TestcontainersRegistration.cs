namespace Pipeline.Components.Services;

/// <summary>Registers <see cref="TestcontainersHost"/> so local runs start the service containers targets use.</summary>
public static class TestcontainersRegistration
{
    /// <summary>
    /// Local runs start each target's service containers with Testcontainers (GitHub Actions runs
    /// start them as the job's <c>services:</c> instead). Image overrides come from the run's
    /// environment (<see cref="ServiceImages.Local"/>).
    /// </summary>
    public static PipelineBuilder UseTestcontainers(this PipelineBuilder builder, IReadOnlyDictionary<string, string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Provide<IServiceContainerHost>(s => new TestcontainersHost(s.Get<PipelineEnvironment>().Variables, labels));
    }
}
