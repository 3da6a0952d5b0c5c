using System.Globalization;
using Pipeline.GitHubActions;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Tests.GitHubActions.Support;

/// <summary>A rendered workflow read back as YAML, so tests assert on its structure, never on whole-file text.</summary>
internal static class RenderedYaml
{
    public static YamlMappingNode Parse(string content)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(content));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    public static YamlMappingNode Parse(WorkflowModel workflow) => Parse(WorkflowRenderer.Render(workflow));

    /// <summary>The node at a path of map keys and sequence indexes ("steps", "0", "with").</summary>
    public static YamlNode At(this YamlNode node, params string[] path)
    {
        foreach (var step in path)
        {
            node = node switch
            {
                YamlMappingNode map => map.Children.TryGetValue(new YamlScalarNode(step), out var child)
                    ? child
                    : throw new KeyNotFoundException($"No key '{step}' among {string.Join(", ", map.Children.Keys)}"),
                YamlSequenceNode list => list.Children[int.Parse(step, CultureInfo.InvariantCulture)],
                _ => throw new KeyNotFoundException($"'{step}' under a scalar"),
            };
        }

        return node;
    }

    public static bool Has(this YamlNode node, params string[] path)
    {
        try
        {
            _ = node.At(path);
            return true;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
    }

    public static string Text(this YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    public static IReadOnlyList<string> Keys(this YamlNode node) => [.. ((YamlMappingNode)node).Children.Keys.Select(k => k.Text())];

    public static IReadOnlyList<string> Items(this YamlNode node) => [.. ((YamlSequenceNode)node).Children.Select(c => c.Text())];

    /// <summary>The steps of a job, by their names.</summary>
    public static IReadOnlyList<string> StepNames(this YamlNode workflow, string job) =>
        [.. ((YamlSequenceNode)workflow.At("jobs", job, "steps")).Children.Select(s => s.Has("name") ? s.At("name").Text() : "")];

    public static YamlNode Step(this YamlNode workflow, string job, string name) =>
        ((YamlSequenceNode)workflow.At("jobs", job, "steps")).Children.Single(s => s.Has("name") && s.At("name").Text() == name);
}
