using System.Reflection;
using NetArchTest.Rules;

namespace Pipeline.Delivery.Tests.Architecture;

/// <summary>
/// The component libraries start processes only through the engine (TargetContext.RunAsync and
/// StartDetachedAsync), never through CliWrap themselves: a process started around the engine
/// misses the run marker, the graceful interrupt and secret masking.
/// </summary>
public sealed class OneProcessPathSpecs
{
    public static TheoryData<string> ComponentLibraries() => ["Pipeline.Delivery", "Pipeline.Components"];

    [Theory]
    [MemberData(nameof(ComponentLibraries))]
    public void A_component_library_uses_no_cliwrap_type(string library)
    {
        var assembly = LibraryNamed(library);

        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny("CliWrap").GetResult();

        Assert.True(result.IsSuccessful, $"{library} starts processes around the engine: {string.Join(", ", result.FailingTypeNames ?? [])}");
        Assert.DoesNotContain("CliWrap", assembly.GetReferencedAssemblies().Select(a => a.Name));
    }

    [Fact]
    public void The_check_catches_a_library_that_uses_cliwrap()
    {
        // The engine's process runner is the one place that does.
        var result = Types.InAssembly(typeof(Target).Assembly).ShouldNot().HaveDependencyOnAny("CliWrap").GetResult();

        Assert.False(result.IsSuccessful);
        Assert.Contains("Pipeline.Processes.ProcessRunner", result.FailingTypeNames ?? []);
    }

    private static Assembly LibraryNamed(string name) => name switch
    {
        "Pipeline.Delivery" => typeof(DockerLogin).Assembly,
        "Pipeline.Components" => typeof(Pipeline.Components.Testing.DotNetTests).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
