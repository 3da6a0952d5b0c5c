using Pipeline;
using Pipeline.Components.Testing;

namespace RustWorkspace.Build;

/// <summary>
/// The seed's integration stage: every test of the crates that use PostgreSQL or Redis (their
/// <c>tests/</c> folders included) against real servers, in one job with both service containers.
/// Not part of <see cref="TestServices"/>: a target's services start for each of its matrix cells, and
/// ten of the twelve services keep no data. Not a TestTarget either: a pipeline has one of those, the
/// one that uploads <c>test-results</c>.
/// </summary>
public sealed class IntegrationTests : Target
{
    private static readonly CargoTests Suite = new(".", Stores.Crates[0], ["--locked", .. Stores.Crates.Skip(1).SelectMany(c => new[] { "-p", c })]);

    /// <summary>cargo's output, uploaded by CI even when a test fails.</summary>
    public static readonly Artifact Results = Artifact.Of("integration-test-results", "artifacts/test-results/" + FolderOf(Suite.Name)) with { EvenOnFailure = true };

    protected override void Configure(TargetSpec target) => target
        .Description("Runs the store clients' and the services' tests against PostgreSQL and Redis")
        .Toolchain(Suite.Toolchain)
        .DependsOn<TestServices>()
        .Service(Stores.Postgres)
        .Service(Stores.Redis)
        .Produces(Results);

    protected override async Task RunAsync(TargetContext context)
    {
        var summary = await Suite.RunAsync(context);
        foreach (var failed in summary.FailedTests)
        {
            context.Log.Error($"failed: {failed}");
        }

        context.StepSummary.Append([$"Integration tests ({string.Join(", ", Stores.Crates)}): {summary}"]);
        context.Log.Info($"{Suite.Name}: {summary}");
        if (summary.Failed > 0)
        {
            throw new TargetFailedException($"{summary.Failed} integration {(summary.Failed == 1 ? "test" : "tests")} failed: {string.Join(", ", summary.FailedTests)}");
        }

        if (summary.Passed == 0)
        {
            throw new TargetFailedException($"No integration test ran: {Suite.Name} found none in {string.Join(", ", Stores.Crates)}.");
        }
    }

    // As the test component names a suite's results folder.
    private static string FolderOf(string suite) => string.Concat(suite.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
}
