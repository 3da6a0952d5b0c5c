using Pipeline.Components.Testing;

namespace Pipeline.Components.Tests.Reporting;

/// <summary>A suite that reports what it is told: one failure with a message, as a TRX file would carry it.</summary>
public sealed class CannedSuite(string name, TestSummary summary) : ITestSuite
{
    public string Name => name;

    public Toolchain Toolchain => Toolchain.DotNet;

    public async Task<TestSummary> RunAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await Task.Delay(300, context.Cancellation);
        return summary;
    }
}

/// <summary>The suites of the report's pipeline, given to its Test target as a service.</summary>
public sealed record ReportSuites(params IReadOnlyList<ITestSuite> All);

/// <summary>Two targets of one wave, so their bars overlap on the timeline.</summary>
public sealed class Compile : Target
{
    protected override void Configure(TargetSpec target) => target.Description("Builds");

    protected override Task RunAsync(TargetContext context) => Task.Delay(700, context.Cancellation);
}

public sealed class Lint : Target
{
    protected override void Configure(TargetSpec target) => target.Description("Checks style");

    protected override async Task RunAsync(TargetContext context)
    {
        await Task.Delay(500, context.Cancellation);
        context.Report(new ReportSection("Lint", "2 warnings") { Tone = ReportTone.Warning }
            .WithTable(["File", "Finding"], [["src/Orders.cs:12", "CA1822 Member does not access instance data"], ["src/Api.cs:40", "IDE0060 Remove unused parameter <ctx>"]]));
    }
}

public sealed class UnitTests(ReportSuites suites) : TestTarget
{
    protected override IEnumerable<ITestSuite> Suites => suites.All;

    protected override void Extend(TargetSpec target) => target.DependsOn<Compile>();
}

public sealed class Package : Target
{
    protected override void Configure(TargetSpec target) => target.DependsOn<UnitTests>().DependsOn<Lint>();

    protected override Task RunAsync(TargetContext context) => Task.CompletedTask;
}
