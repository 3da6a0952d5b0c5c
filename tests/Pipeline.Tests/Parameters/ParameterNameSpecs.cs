namespace Pipeline.Tests.Parameters;

/// <summary>One spelling rule for option names, variables, job ids and output ids.</summary>
public sealed class ParameterNameSpecs
{
    [Theory]
    [InlineData("Configuration", "configuration", "CONFIGURATION")]
    [InlineData("RegistryPassword", "registry-password", "REGISTRY_PASSWORD")]
    [InlineData("HTTPServer", "http-server", "HTTP_SERVER")]
    [InlineData("BuildX8664UnknownLinuxGnu", "build-x8664-unknown-linux-gnu", "BUILD_X8664_UNKNOWN_LINUX_GNU")]
    [InlineData("Net10", "net10", "NET10")]
    public void Names_split_into_words_at_capitals_after_lower_case_letters_and_digits(string name, string kebab, string snake)
    {
        Assert.Equal(kebab, ParameterNames.ToKebabCase(name));
        Assert.Equal(snake, ParameterNames.ToScreamingSnakeCase(name));
    }
}
