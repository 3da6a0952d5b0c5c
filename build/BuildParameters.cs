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

    public static readonly Parameter<string> PackageFeedApiKey = Parameter.Secret("API key of the package feed Publish pushes to");

    // A secret too: the feed's address stays out of the repository.
    public static readonly Parameter<string> PackageFeedUrl = Parameter.Secret("URL of the package feed Publish pushes to");
}
