using NetArchTest.Rules;

namespace Pipeline.Tests.Architecture;

/// <summary>
/// The engine's folders are layers, each its own namespace, and a layer may use only the layers
/// listed before it. The root namespace is the model users write (targets, specs, context,
/// parameters); the host's public face (the builder, its environment, its dependencies) is in the
/// root namespace too, so Program.cs needs no using, but it belongs to the top layer.
/// </summary>
public sealed class LayerSpecs
{
    /// <summary>Bottom first. The README's layout section lists the same order.</summary>
    private static readonly string[] Layers =
    [
        "Model",
        "Pipeline.Processes",
        "Pipeline.Planning",
        "Pipeline.Execution",
        "Pipeline.Output",
        "Pipeline.Generation",
        "Pipeline.Cli",
        "Pipeline.Hosting",
    ];

    private static readonly string[] HostingFace = ["Pipeline.PipelineBuilder", "Pipeline.PipelineEnvironment", "Pipeline.Dependencies"];

    public static TheoryData<string> EveryLayer() => [.. Layers];

    [Theory]
    [MemberData(nameof(EveryLayer))]
    public void A_layer_uses_no_layer_above_it(string layer)
    {
        var above = Layers.SkipWhile(l => l != layer).Skip(1).ToList();
        var forbidden = above.SelectMany(l => l == "Pipeline.Hosting" ? [l, .. HostingFace] : new[] { l }).ToArray();

        var result = TypesOf(layer).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful,
            $"{layer} uses a layer above it ({string.Join(", ", above)}): {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_engine_type_is_in_a_known_layer()
    {
        var known = Layers.Where(l => l != "Model").ToArray();
        var strays = Types.InAssembly(typeof(Target).Assembly).GetTypes()
            .Where(t => t.Namespace is { } ns && ns != "Pipeline" && !known.Any(l => ns == l || ns.StartsWith(l + ".", StringComparison.Ordinal)) && !t.Name.StartsWith('<') && ns != "Microsoft.CodeAnalysis" && ns != "System.Runtime.CompilerServices")
            .Select(t => t.FullName)
            .ToList();

        Assert.True(strays.Count == 0, "Types outside the layers: " + string.Join(", ", strays));
    }

    [Fact]
    public void The_check_catches_a_reference_against_the_order()
    {
        // The model's TargetContext runs commands through a delegate precisely so that it does not
        // reference the process runner; a type that does is what the check must catch.
        var result = Types.InAssembly(typeof(Target).Assembly).That().HaveName("TargetExecutor")
            .ShouldNot().HaveDependencyOnAny("Pipeline.Processes").GetResult();

        Assert.False(result.IsSuccessful);
    }

    private static PredicateList TypesOf(string layer)
    {
        var types = Types.InAssembly(typeof(Target).Assembly).That();
        return layer switch
        {
            "Model" => types.ResideInNamespaceMatching("^Pipeline$").And().DoNotHaveNameMatching("^(PipelineBuilder|PipelineEnvironment|Dependencies)$"),
            "Pipeline.Hosting" => types.ResideInNamespaceMatching("^Pipeline\\.Hosting$").Or().HaveNameMatching("^(PipelineBuilder|PipelineEnvironment|Dependencies)$"),
            // A layer's concepts may have folders of their own (Pipeline.Execution.Incremental): they are that layer.
            _ => types.ResideInNamespaceMatching("^" + layer.Replace(".", "\\.", StringComparison.Ordinal) + "(\\..+)?$"),
        };
    }
}
