namespace Pipeline;

/// <summary>The raw values every source offers, before they are matched to declared parameters.</summary>
internal sealed record ParameterInputs(
    IReadOnlyList<CommandLineValue> CommandLine,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<ParametersFile> Files);

/// <summary>One <c>--name value…</c> option as typed.</summary>
internal sealed record CommandLineValue(string Option, IReadOnlyList<string> Tokens)
{
    public string NormalizedName => ParameterNames.Normalize(Option.TrimStart('-'));
}
