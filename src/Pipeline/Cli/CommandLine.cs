using System.Globalization;
using Pipeline.Planning;

namespace Pipeline.Cli;

public enum PlanFormat
{
    Text,
    Mermaid,
}

/// <summary>
/// The parsed command line: <c>./build.sh [targets…] [--option [values…]]…</c>. Targets come first;
/// an option takes the words after it up to the next option. Options we do not reserve are
/// parameters, matched to declarations later.
/// </summary>
internal sealed record CommandLine(
    IReadOnlyList<string> Targets,
    SkipRequest Skip,
    bool Help,
    PlanFormat? Plan,
    int? MaxParallel,
    IReadOnlyList<string> Profiles,
    bool Generate,
    bool Check,
    IReadOnlyList<CommandLineValue> Parameters)
{
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var targets = new List<string>();
        var options = new List<CommandLineValue>();
        var i = 0;
        for (; i < args.Count && !IsOption(args[i]); i++)
        {
            targets.Add(args[i]);
        }

        while (i < args.Count)
        {
            var option = args[i++];
            var values = new List<string>();
            for (; i < args.Count && !IsOption(args[i]); i++)
            {
                values.Add(args[i]);
            }

            options.Add(new CommandLineValue(option, values));
        }

        var parsed = new CommandLine(targets, SkipRequest.None, false, null, null, [], false, false, []);
        var parameters = new List<CommandLineValue>();
        foreach (var option in options)
        {
            parsed = ReservedOptions.Find(option.Option) switch
            {
                "--help" => parsed with { Help = true },
                "--skip" => parsed with { Skip = option.Tokens.Count == 0 ? SkipRequest.AllButRequested : new SkipRequest(false, option.Tokens) },
                "--plan" => parsed with { Plan = ParsePlanFormat(option.Tokens) },
                "--max-parallel" => parsed with { MaxParallel = ParsePositive(option) },
                "--profile" => parsed with { Profiles = [.. parsed.Profiles, .. RequireValues(option)] },
                "--generate" => parsed with { Generate = true },
                "--check" => parsed with { Check = true },
                _ => parsed,
            };
            if (ReservedOptions.Find(option.Option) is null)
            {
                parameters.Add(option);
            }
            else if (ReservedOptions.TakesNoValue(option.Option) && option.Tokens.Count > 0)
            {
                throw new UsageException(
                    $"{option.Option} takes no value, but got '{string.Join(' ', option.Tokens)}'. Targets go before the options: ./build.sh {string.Join(' ', option.Tokens)} {option.Option}");
            }
        }

        if (parsed.Check && !parsed.Generate)
        {
            throw new UsageException("--check goes with --generate: ./build.sh --generate --check fails when a committed generated file is stale.");
        }

        return parsed with { Parameters = parameters };
    }

    private static bool IsOption(string arg) => arg.StartsWith('-') && arg.Length > 1 && !double.TryParse(arg, CultureInfo.InvariantCulture, out _);

    private static PlanFormat ParsePlanFormat(IReadOnlyList<string> tokens) => tokens switch
    {
        [] => PlanFormat.Text,
        [var format] when Enum.TryParse<PlanFormat>(format, ignoreCase: true, out var parsed) => parsed,
        _ => throw new UsageException(
            $"--plan takes 'text' or 'mermaid', got '{string.Join(' ', tokens)}'. Targets go before the options: ./build.sh Test --plan"),
    };

    private static int ParsePositive(CommandLineValue option) =>
        option.Tokens is [var text] && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new UsageException($"{option.Option} takes a whole number of at least 1, got '{string.Join(' ', option.Tokens)}'.");

    private static IReadOnlyList<string> RequireValues(CommandLineValue option) =>
        option.Tokens.Count > 0 ? option.Tokens : throw new UsageException($"{option.Option} needs a value.");
}
