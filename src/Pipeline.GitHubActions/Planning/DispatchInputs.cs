using System.Globalization;

namespace Pipeline.GitHubActions;

/// <summary>workflow_dispatch inputs: each type from its parameter's type unless chosen, and ids GitHub accepts, once each.</summary>
internal static class DispatchInputs
{
    private static readonly Type[] Numbers = [typeof(int), typeof(long), typeof(short), typeof(double), typeof(float), typeof(decimal)];

    /// <summary>bool a boolean, enum a choice, a number a number, anything else a string.</summary>
    public static DispatchInputType TypeOf(IParameter parameter) =>
        parameter.ValueType == typeof(bool) ? DispatchInputType.Boolean
        : parameter.ValueType.IsEnum ? DispatchInputType.Choice
        : Numbers.Contains(parameter.ValueType) ? DispatchInputType.Number
        : DispatchInputType.Text;

    public static void Check(WorkflowDispatchModel? dispatch, Problems problems)
    {
        foreach (var input in dispatch?.Inputs ?? [])
        {
            if (!Identifiers.IsJobId(input.Id))
            {
                problems.Add($"the workflow_dispatch input id '{input.Id}' (for {input.Parameter.Name}) must be letters, digits, '-' and '_', starting with a letter or '_'.");
            }

            var fits = input.Type switch
            {
                DispatchInputType.Boolean => input.Parameter.ValueType == typeof(bool),
                DispatchInputType.Choice => input.Parameter.ValueType.IsEnum,
                DispatchInputType.Number => Numbers.Contains(input.Parameter.ValueType),
                DispatchInputType.Environment => input.Parameter.ValueType == typeof(string),
                _ => true,
            };
            if (!fits)
            {
                problems.Add($"the workflow_dispatch input {input.Id} is a {Name(input.Type)}, but {input.Parameter.Name} holds a {input.Parameter.ValueType.Name}.");
            }
        }

        foreach (var twice in (dispatch?.Inputs ?? []).GroupBy(i => i.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"the workflow_dispatch inputs of {string.Join(" and ", twice.Select(i => i.Parameter.Name))} have the same id '{twice.Key}'.");
        }
    }

    /// <summary>The input of a parameter: its id, type, description, whether it is required, and its default as GitHub reads it.</summary>
    public static DispatchInput Of(IParameter parameter, DispatchInputChoice? choice, Problems problems)
    {
        if (parameter.IsSecret)
        {
            problems.Add($"the secret {parameter.Name} cannot be a workflow_dispatch input: inputs are shown in the run's page. It reaches jobs as a secret.");
        }

        var type = choice?.Type ?? DispatchInputs.TypeOf(parameter);
        var value = parameter.IsSecret || parameter.DefaultValue is AbsolutePath ? null : parameter.DefaultValue;
        var defaultText = value switch
        {
            null => null,
            bool b => b ? "true" : "false",
            Array array => string.Join(",", array.Cast<object>().Select(Text)),
            _ => Text(value),
        };
        return new DispatchInput(
            choice?.Id ?? ParameterNames.ToKebabCase(parameter.Name),
            parameter,
            parameter.Description,
            type,
            parameter.IsRequired && defaultText is null,
            defaultText,
            type == DispatchInputType.Choice && parameter.ValueType.IsEnum ? Enum.GetNames(parameter.ValueType) : []);

        static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>The type as GitHub writes it.</summary>
    public static string Name(DispatchInputType type) => type switch
    {
        DispatchInputType.Boolean => "boolean",
        DispatchInputType.Choice => "choice",
        DispatchInputType.Number => "number",
        DispatchInputType.Environment => "environment",
        _ => "string",
    };
}
