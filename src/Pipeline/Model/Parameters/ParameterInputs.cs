using System.Globalization;

namespace Pipeline;

/// <summary>The raw values every source offers, before they are matched to declared parameters.</summary>
/// <param name="CommandLineTokens">The words after the targets that are not the engine's own options, as typed.</param>
internal sealed record ParameterInputs(
    IReadOnlyList<string> CommandLineTokens,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<ParametersFile> Files);

/// <summary>One <c>--name value…</c> option as typed.</summary>
internal sealed record CommandLineValue(string Option, IReadOnlyList<string> Tokens)
{
    public string NormalizedName => ParameterNames.Normalize(Option.TrimStart('-'));

    /// <summary>Starts with '-' and is not a negative number.</summary>
    public static bool LooksLikeOption(string arg) =>
        arg.StartsWith('-') && arg.Length > 1 && !double.TryParse(arg, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// Splits the parameters' words into options and values, knowing what each declared option takes:
    /// a single value is the next word whatever it looks like (a secret may start with '-') unless
    /// it names a known option; a list takes words up to the next known option; a switch takes a
    /// following word only when it is not an option. Unknown options take words up to the next option.
    /// </summary>
    public static IReadOnlyList<CommandLineValue> Group(IReadOnlyList<string> tokens, Func<string, IParameter?> declared)
    {
        bool IsKnownOption(string token) => LooksLikeOption(token) && (declared(token) is not null || ReservedOptions.Find(token) is not null);

        var grouped = new List<CommandLineValue>();
        for (var i = 0; i < tokens.Count;)
        {
            var option = tokens[i++];
            var values = new List<string>();
            var parameter = LooksLikeOption(option) ? declared(option) : null;
            if (parameter is null || parameter.ValueType == typeof(bool))
            {
                for (; i < tokens.Count && !LooksLikeOption(tokens[i]); i++)
                {
                    values.Add(tokens[i]);
                }
            }
            else if (parameter.ValueType.IsArray)
            {
                for (; i < tokens.Count && !IsKnownOption(tokens[i]); i++)
                {
                    values.Add(tokens[i]);
                }
            }
            else if (i < tokens.Count && !IsKnownOption(tokens[i]))
            {
                values.Add(tokens[i++]);
            }

            grouped.Add(new CommandLineValue(option, values));
        }

        return grouped;
    }
}
