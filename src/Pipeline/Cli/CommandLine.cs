using System.Globalization;
using Pipeline.Execution.Incremental;
using Pipeline.Planning;

namespace Pipeline.Cli;

internal enum PlanFormat
{
    Text,
    Mermaid,
}

/// <summary>
/// The parsed command line: <c>./build.sh [targets…] [--option [values…]]…</c>. Targets come first;
/// an option the engine reserves takes the words after it up to the next option. Every other word
/// belongs to the parameters, which are grouped into options and values later, once their
/// declarations are known (see <see cref="ParameterValues"/>): only then can a value that starts
/// with '-' (a secret, say) be told from an option.
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
    IReadOnlyList<string> ParameterTokens)
{
    /// <summary><c>--force</c>: which targets ignore their up-to-date check.</summary>
    public ForceRequest Force { get; init; } = ForceRequest.None;

    /// <summary><c>--fingerprints</c>: print the planned targets' fingerprints (CI's cache key), run nothing.</summary>
    public bool Fingerprints { get; init; }

    /// <summary><c>--update-actions</c>: refresh the action lock, adding the references named; null when not asked.</summary>
    public IReadOnlyList<string>? UpdateActions { get; init; }

    /// <summary><c>--no-report</c>: the run writes no HTML report.</summary>
    public bool NoReport { get; init; }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var targets = new List<string>();
        var i = 0;
        for (; i < args.Count && !CommandLineValue.LooksLikeOption(args[i]); i++)
        {
            targets.Add(args[i]);
        }

        var parsed = new CommandLine(targets, SkipRequest.None, false, null, null, [], false, false, []);
        var parameterTokens = new List<string>();
        while (i < args.Count)
        {
            if (ReservedOptions.Find(args[i]) is not { } reserved)
            {
                parameterTokens.Add(args[i++]);
                continue;
            }

            var option = new CommandLineValue(args[i++], []);
            var values = new List<string>();
            for (; i < args.Count && !CommandLineValue.LooksLikeOption(args[i]); i++)
            {
                values.Add(args[i]);
            }

            option = option with { Tokens = values };
            if (ReservedOptions.TakesNoValue(option.Option) && option.Tokens.Count > 0)
            {
                throw new UsageException(
                    $"{option.Option} takes no value, but got '{string.Join(' ', option.Tokens)}'. Targets go before the options: ./build.sh {string.Join(' ', option.Tokens)} {option.Option}");
            }

            parsed = reserved switch
            {
                "--help" => parsed with { Help = true },
                "--skip" => parsed with { Skip = option.Tokens.Count == 0 ? SkipRequest.AllButRequested : new SkipRequest(false, option.Tokens) },
                "--force" => parsed with { Force = option.Tokens.Count == 0 ? ForceRequest.Everything : new ForceRequest(false, option.Tokens) },
                "--fingerprints" => parsed with { Fingerprints = true },
                "--plan" => parsed with { Plan = ParsePlanFormat(option.Tokens) },
                "--max-parallel" => parsed with { MaxParallel = ParsePositive(option) },
                "--profile" => parsed with { Profiles = [.. parsed.Profiles, .. RequireValues(option)] },
                "--generate" => parsed with { Generate = true },
                "--update-actions" => parsed with { UpdateActions = option.Tokens },
                "--check" => parsed with { Check = true },
                "--no-report" => parsed with { NoReport = true },
                _ => parsed,
            };
        }

        parsed = parsed with { ParameterTokens = parameterTokens };
        if (parsed.Check && !parsed.Generate)
        {
            throw new UsageException("--check goes with --generate: ./build.sh --generate --check fails when a committed generated file is stale.");
        }

        return parsed;
    }


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
