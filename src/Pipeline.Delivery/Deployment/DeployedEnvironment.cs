namespace Pipeline.Delivery;

/// <summary>What the last deployment to one environment left there, as later targets (Smoke) read it.</summary>
public sealed record DeployedEnvironment(string Environment, string Application, string Image, Uri? Url, DeploymentOutcome Outcome, string Driver)
{
    /// <summary>The local container it runs in (local Docker driver), for its logs.</summary>
    public string? Container { get; init; }

    /// <summary>The live colour of a blue-green deployment: the next deploy goes to the other one.</summary>
    public DeploymentColor? Color { get; init; }
}
