using Pipeline;

namespace DotNetService.Build;

/// <summary>Unit tests, then the integration tests against PostgreSQL (DATABASE_URL comes from the service).</summary>
public sealed class Test : Target
{
    private static readonly Tool DotNet = new("dotnet");

    private static readonly string[] Projects = ["tests/Tickets.Tests/Tickets.Tests.csproj", "tests/Tickets.IntegrationTests/Tickets.IntegrationTests.csproj"];

    protected override void Configure(TargetSpec target) => target
        .Description("Runs the unit and integration tests; the integration tests use a PostgreSQL service container")
        .Uses(Toolchain.DotNet)
        .Uses(Database.Postgres);

    protected override async Task RunAsync(TargetContext context)
    {
        foreach (var project in Projects)
        {
            await context.RunAsync(DotNet.Command("test", project, "--nologo"));
        }
    }
}
