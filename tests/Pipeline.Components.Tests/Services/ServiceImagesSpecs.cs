using Pipeline.Components.Services;

namespace Pipeline.Components.Tests.Services;

public sealed class ServiceImagesSpecs
{
    [Theory]
    [InlineData("postgres:16-alpine", "PIPELINE_POSTGRES_IMAGE")]
    [InlineData("redis:7-alpine", "PIPELINE_REDIS_IMAGE")]
    [InlineData("ghcr.io/acme/event-store:2", "PIPELINE_EVENT_STORE_IMAGE")]
    [InlineData("127.0.0.1:5000/mongo@sha256:abc", "PIPELINE_MONGO_IMAGE")]
    public void The_override_variable_is_named_after_the_image_repository(string image, string variable) =>
        Assert.Equal(variable, ServiceImages.OverrideVariable(image));

    [Fact]
    public void A_local_run_uses_the_override_when_set_and_the_declared_image_otherwise()
    {
        var variables = new Dictionary<string, string> { ["PIPELINE_POSTGRES_IMAGE"] = "pipeline-local/postgres:15", ["PIPELINE_REDIS_IMAGE"] = "" };

        Assert.Equal("pipeline-local/postgres:15", ServiceImages.Local(ServiceImages.Postgres, variables));
        Assert.Equal(ServiceImages.Redis, ServiceImages.Local(ServiceImages.Redis, variables));
    }
}
