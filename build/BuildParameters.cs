using Pipeline;

namespace Build;

public enum Configuration
{
    Debug,
    Release,
}

/// <summary>The parameters of this repository's pipeline.</summary>
public static class BuildParameters
{
    public static readonly Parameter<Configuration> Configuration =
        Parameter.Create("Build configuration for Compile and Test", Build.Configuration.Debug);
}
