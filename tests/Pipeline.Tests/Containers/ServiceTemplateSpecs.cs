namespace Pipeline.Tests.Containers;

public sealed class ServiceTemplateSpecs
{
    private static readonly Parameter<string> Token = Parameter.Secret("A token");

    private static readonly Parameter<string> Plain = Parameter.Create<string>("Not a secret");

    [Fact]
    public void Port_and_host_placeholders_resolve_and_other_braces_stay_literal()
    {
        var template = ServiceTemplate.Parse("{\"url\":\"http://{host}:{8080}/x\",\"n\":{n}}");

        var value = template.Resolve("127.0.0.1", p => p + 1, _ => "?");

        Assert.Equal("{\"url\":\"http://127.0.0.1:8081/x\",\"n\":{n}}", value);
        Assert.Equal([8080], template.Ports);
    }

    [Fact]
    public void An_interpolated_template_keeps_secrets_as_typed_holes()
    {
        var service = new ServiceContainer("api", "api:1").WithPorts(80)
            .Exposes("API_URL", $"http://{ServiceTemplate.Host}:{ServiceTemplate.Port(80)}/?token={Token}&mode={"fast"}");

        var variable = Assert.Single(service.Variables);

        Assert.Equal("http://h:8080/?token=T&mode=fast", variable.Value.Resolve("h", _ => 8080, s => s == Token ? "T" : "?"));
        Assert.Equal([Token], service.Secrets);
        Assert.Equal("http://{host}:{80}/?token={--token}&mode=fast", variable.Value.ToString());
    }

    [Fact]
    public void Exposing_an_unpublished_port_a_bad_name_or_a_non_secret_parameter_is_refused()
    {
        var service = new ServiceContainer("db", "postgres:16-alpine").WithPorts(5432);

        Assert.Contains("add .WithPorts(5433)", Assert.Throws<ArgumentException>(() => service.Exposes("URL", "{5433}")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => service.Exposes("1URL", "x"));
        Assert.Contains("is not a secret", Assert.Throws<ArgumentException>(() => service.WithEnvironment("PASSWORD", Plain)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_that_differ_only_in_their_variables_are_different()
    {
        var a = new ServiceContainer("db", "postgres:16-alpine").WithPorts(5432).Exposes("URL", "{5432}");
        var b = new ServiceContainer("db", "postgres:16-alpine").WithPorts(5432).Exposes("URL", "x{5432}");

        Assert.NotEqual(a, b);
        Assert.Equal(a, new ServiceContainer("db", "postgres:16-alpine").WithPorts(5432).Exposes("URL", "{5432}"));
    }
}
