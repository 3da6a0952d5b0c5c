namespace Pipeline.Delivery;

/// <summary>The two slots of a blue-green deployment: one is live, the other idle (the next deploy goes there).</summary>
public enum DeploymentColor
{
    Blue,
    Green,
}

/// <summary>The colour's name as labels and object names spell it, and the other colour.</summary>
internal static class DeploymentColors
{
    public static DeploymentColor Other(this DeploymentColor color) => color == DeploymentColor.Blue ? DeploymentColor.Green : DeploymentColor.Blue;

    public static string Label(this DeploymentColor color) => color == DeploymentColor.Blue ? "blue" : "green";

    /// <summary>The colour a label value names, or null for anything else (a Service this driver did not switch).</summary>
    public static DeploymentColor? Parse(string? label) => label switch
    {
        "blue" => DeploymentColor.Blue,
        "green" => DeploymentColor.Green,
        _ => null,
    };
}
