using Pipeline.Output;
using Pipeline.Planning;

namespace Pipeline.Cli;

/// <summary><c>--help</c>: the targets with descriptions and dependencies, the parameters, the options.</summary>
internal static class HelpRenderer
{
    public static IEnumerable<string> Render(TargetGraph graph, IReadOnlyCollection<IParameter> parameters)
    {
        yield return "Usage: ./build.sh [targets…] [options]";
        yield return "";
        yield return graph.DefaultTarget is { } d ? $"Targets (default: {d}):" : "Targets:";
        var targetRows = graph.Targets.Where(t => !t.Unlisted).Select(t => (IReadOnlyList<string>)[
            "  " + t.Name,
            t.Description ?? "",
            graph.DependenciesOf(t.Name).Count == 0 ? "" : "→ " + string.Join(", ", graph.DependenciesOf(t.Name)),
        ]).ToList();
        foreach (var line in TextTable.Columns(targetRows))
        {
            yield return line;
        }

        if (parameters.Count > 0)
        {
            yield return "";
            yield return "Parameters (command line, then environment, then .nuke/parameters.json):";
            var parameterRows = parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (IReadOnlyList<string>)[
                $"  {p.OptionName} <{ValueHint(p.ValueType)}>",
                p.Description + Notes(p),
                p.EnvironmentName,
            ]).ToList();
            foreach (var line in TextTable.Columns(parameterRows))
            {
                yield return line;
            }
        }

        yield return "";
        yield return "Options:";
        foreach (var line in TextTable.Columns([.. ReservedOptions.Described.Select(o => (IReadOnlyList<string>)["  " + o.Name, o.Help])]))
        {
            yield return line;
        }
    }

    private static string Notes(IParameter p)
    {
        var notes = new List<string>();
        if (p.IsRequired)
        {
            notes.Add("required");
        }

        if (p.IsSecret)
        {
            notes.Add("secret");
        }

        if (p.DefaultValue is { } value)
        {
            notes.Add("default: " + (value is Array a ? string.Join(' ', a.Cast<object>()) : value));
        }

        return notes.Count == 0 ? "" : $" ({string.Join(", ", notes)})";
    }

    private static string ValueHint(Type type) => type switch
    {
        _ when type.IsEnum => string.Join('|', Enum.GetNames(type)),
        _ when type.IsArray => ValueHint(type.GetElementType()!) + "…",
        _ when type == typeof(bool) => "true|false",
        _ when type == typeof(AbsolutePath) => "path",
        _ when type == typeof(int) || type == typeof(long) => "integer",
        _ when type == typeof(double) || type == typeof(decimal) => "number",
        _ => "text",
    };
}
