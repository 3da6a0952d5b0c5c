using Pipeline.Components.Coverage;
using Pipeline.Components.Formatting;
using Pipeline.Components.Linting;
using Pipeline.Components.Testing;

namespace Pipeline.Components.Tests.Extending;

/// <summary>
/// A component's base seals <c>Configure</c> and calls <c>Extend</c> after its own declarations, so what
/// a subclass adds can never drop what the base declared (the toolchains a CI job sets up, the artifacts
/// it uploads, the token it passes).
/// </summary>
public sealed class ExtendSpecs
{
    [Theory]
    [InlineData(typeof(FormatTarget))]
    [InlineData(typeof(LintTarget))]
    [InlineData(typeof(TestTarget))]
    [InlineData(typeof(CoverageTarget))]
    public void A_component_s_configure_is_sealed_and_extend_is_the_hook(Type component)
    {
        var flags = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly;

        Assert.True(component.GetMethod("Configure", flags)!.IsFinal, $"{component.Name}.Configure can be overridden");
        Assert.True(component.GetMethod("Extend", flags) is { IsVirtual: true, IsFinal: false, IsFamily: true });
    }

    [Fact]
    public void Each_component_keeps_its_own_declarations_beside_what_the_subclass_adds()
    {
        using var root = new TempRoot();
        var environment = new PipelineEnvironment(root.Path, new Dictionary<string, string>(), TextWriter.Null, TextWriter.Null, 2, false);
        var graph = new PipelineBuilder()
            .Add<ExtendedFormat>().Add<ExtendedLint>().Add<ExtendedTest>().Add<ExtendedCoverage>()
            .Provide(new Modules("services/events"))
            .BuildGraph(environment);

        var format = graph["ExtendedFormat"];
        Assert.Contains(FormatTarget.Fix, format.Reads);
        Assert.Equal(["go"], format.Toolchains.Select(t => t.Name));

        var lint = graph["ExtendedLint"];
        Assert.Equal(["ExtendedFormat"], graph.DependenciesOf("ExtendedLint"));
        Assert.Equal(["go"], lint.Toolchains.Select(t => t.Name));

        var test = graph["ExtendedTest"];
        Assert.Equal("Runs the event service's tests", test.Description);
        Assert.Equal([TestResultFiles.Artifact], test.Produces);
        Assert.Equal(["services/events/go.mod"], test.Toolchains.Select(t => t.VersionFile));
        Assert.Equal(["ExtendedLint"], graph.DependenciesOf("ExtendedTest"));

        var coverage = graph["ExtendedCoverage"];
        Assert.Equal([CoverageFiles.Artifact], coverage.Produces);
        Assert.Contains(CommonParameters.GitHubToken, coverage.Reads);
        Assert.Equal(["ExtendedTest"], graph.OrderedAfter("ExtendedCoverage"));
    }
}

/// <summary>Where the test's Go module is: a service a primary constructor takes (and keeps: no CS9107, the bases take no arguments).</summary>
public sealed record Modules(string Events);

public sealed class ExtendedFormat(Modules modules) : FormatTarget
{
    protected override IEnumerable<IFormatter> Formatters => [new GoFormatter(modules.Events)];

    protected override void Extend(TargetSpec target) => target.Before<ExtendedTest>();
}

public sealed class ExtendedLint(Modules modules) : LintTarget
{
    protected override IEnumerable<ILinter> Linters => [new GoVet(modules.Events)];

    protected override void Extend(TargetSpec target) => target.DependsOn<ExtendedFormat>();
}

public sealed class ExtendedTest(Modules modules) : TestTarget
{
    protected override IEnumerable<ITestSuite> Suites => [new GoTests(modules.Events)];

    protected override void Extend(TargetSpec target) => target.Description("Runs the event service's tests").DependsOn<ExtendedLint>();
}

public sealed class ExtendedCoverage(Modules modules) : CoverageTarget
{
    protected override IEnumerable<ICoverageSource> Sources => [new GoCoverage(modules.Events)];

    protected override Percentage Threshold => new(50);

    protected override void Extend(TargetSpec target) => target.After<ExtendedTest>();
}
