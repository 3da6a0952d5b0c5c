using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline;

/// <summary>
/// The contexts as a local run knows them (the README's "Expressions" table): from the checkout and
/// the environment while planning, and from the run itself when a target would start. A context
/// variable (<see cref="ContextVariables"/>) wins over everything: it is what CI hands the engine.
/// </summary>
internal sealed class ConditionScope(ConditionFacts facts, TargetStart? start = null) : IExpressionScope
{
    private const string InCiOnly = "steps run in CI only";

    public AbsolutePath? Workspace => facts.Workspace;

    public Evaluated Context(IReadOnlyList<string> path)
    {
        var shown = string.Join('.', path);
        if (Given(shown) is { } given)
        {
            return given;
        }

        var value = path[0] switch
        {
            "github" => GitHub(path),
            "runner" => Runner(path[1]),
            "env" => Evaluated.Of(facts.Variables.GetValueOrDefault(path[1])),
            "vars" => Vars(path[1]),
            "matrix" => Matrix(path[1]),
            "job" when path[1] == "status" => Evaluated.Of(facts.UpstreamFailed ? "failure" : start?.Cancelled == true ? "cancelled" : "success"),
            "steps" => Evaluated.Missing(shown, InCiOnly),
            _ => Evaluated.Missing(shown, "not known outside GitHub Actions"),
        };

        var members = path[0] switch
        {
            "github" when path[1] == "event" => path.Skip(2),
            "steps" or "job" => [],
            _ => path.Skip(2),
        };
        return value is Evaluated.Known known ? Evaluated.Of(ExpressionEvaluator.Walk(known.Value, members)) : value;
    }

    public Evaluated Result(Type target)
    {
        var shown = $"needs.{target.Name}.result";
        return Given(shown)
            ?? (start is null ? Evaluated.Missing(shown, "known when the target would start", knownAtStart: true)
                : start.ResultOf(target.Name) is { } result ? Evaluated.Of(result)
                : Evaluated.Missing(shown, $"{target.Name} is not part of this run"));
    }

    public Evaluated Output(IOutput output)
    {
        var shown = $"needs.*.outputs.{output.Id}";
        return start is null ? Evaluated.Missing(shown, "known when the target would start", knownAtStart: true)
            // A job output is text on GitHub, whatever its type here: fromJSON(…) reads a list or a number.
            : start.OutputText(output) is { } text ? Evaluated.Of(text)
            : Evaluated.Of(null);
    }

    public Evaluated Input(IParameter parameter) =>
        Given("inputs." + ParameterNames.ToKebabCase(parameter.Name)) ?? Evaluated.Of(facts.ParameterText(parameter) ?? "");

    public Evaluated Status(string function) => function switch
    {
        "always" => Evaluated.Of(true),
        "success" => Evaluated.Of(!facts.UpstreamFailed && start?.Cancelled != true),
        "failure" => Evaluated.Of(facts.UpstreamFailed),
        _ => Evaluated.Of(start?.Cancelled == true),
    };

    private Evaluated? Given(string path) =>
        facts.Variables.TryGetValue(ContextVariables.NameOf(path), out var text) ? Evaluated.Of(Parsed(text)) : null;

    private Evaluated GitHub(IReadOnlyList<string> path)
    {
        var name = path.Count > 1 ? path[1] : "";
        var refName = facts.Ref.StartsWith("refs/heads/", StringComparison.Ordinal) ? facts.Ref["refs/heads/".Length..]
            : facts.Ref.StartsWith("refs/tags/", StringComparison.Ordinal) ? facts.Ref["refs/tags/".Length..]
            : null;
        return name switch
        {
            "event_name" => Evaluated.Of(facts.EventName),
            "ref" when facts.Ref.Length > 0 => Evaluated.Of(facts.Ref),
            "ref_name" when refName is not null => Evaluated.Of(refName),
            "ref_type" when refName is not null => Evaluated.Of(facts.Ref.StartsWith("refs/tags/", StringComparison.Ordinal) ? "tag" : "branch"),
            "ref" or "ref_name" or "ref_type" => Evaluated.Missing("github." + name, "HEAD is not on a branch here (set GITHUB_REF to decide it)"),
            "event" => Event(),
            "head_ref" or "base_ref" when !facts.EventName.StartsWith("pull_request", StringComparison.Ordinal) => Evaluated.Of(Variable("GITHUB_" + name.ToUpperInvariant()) ?? ""),
            _ => Variable("GITHUB_" + name.ToUpperInvariant()) is { } value
                ? Evaluated.Of(name is "run_number" or "run_attempt" ? ExpressionValues.ToNumber(value) : value)
                : Evaluated.Missing("github." + name, $"not known outside GitHub Actions (set GITHUB_{name.ToUpperInvariant()} to decide it)"),
        };
    }

    private Evaluated Event()
    {
        if (Variable("GITHUB_EVENT_PATH") is not { } file)
        {
            return Evaluated.Missing("github.event", "the event's payload is not known outside GitHub Actions (set GITHUB_EVENT_PATH to a payload file to decide it)");
        }

        try
        {
            return Evaluated.Of(ExpressionValues.FromJson(JsonNode.Parse(File.ReadAllText(file))));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return Evaluated.Missing("github.event", $"GITHUB_EVENT_PATH names {file}, which could not be read as JSON: {e.Message}");
        }
    }

    private Evaluated Runner(string name) => name switch
    {
        "os" => Evaluated.Of(Variable("RUNNER_OS") ?? (OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : "Linux")),
        "arch" => Evaluated.Of(Variable("RUNNER_ARCH") ?? RuntimeInformation.OSArchitecture switch
        {
            Architecture.Arm64 => "ARM64",
            Architecture.Arm => "ARM",
            Architecture.X86 => "X86",
            _ => "X64",
        }),
        "temp" => Evaluated.Of(Variable("RUNNER_TEMP") ?? Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar)),
        "name" => Evaluated.Of(Variable("RUNNER_NAME") ?? Environment.MachineName),
        _ => Variable("RUNNER_" + name.ToUpperInvariant()) is { } value
            ? Evaluated.Of(value)
            : Evaluated.Missing("runner." + name, $"not known outside GitHub Actions (set RUNNER_{name.ToUpperInvariant()} to decide it)"),
    };

    private Evaluated Vars(string name)
    {
        if (Variable(name) is { } value)
        {
            return Evaluated.Of(value);
        }

        var parameter = facts.Parameters.FirstOrDefault(p => p.EnvironmentName == name);
        return parameter is not null && facts.ParameterText(parameter) is { } text
            ? Evaluated.Of(text)
            : Evaluated.Missing("vars." + name, $"not set here (set {name} in the environment, or declare a parameter read from it and give it a value)");
    }

    private Evaluated Matrix(string field)
    {
        if (start is null)
        {
            return Evaluated.Missing("matrix." + field, "known when the target would start", knownAtStart: true);
        }

        var value = start.Cell?.Values.Where(v => v.Key == field).Select(v => v.Value).FirstOrDefault();
        return Evaluated.Of(value is null ? null : Parsed(value));
    }

    private string? Variable(string name) => facts.Variables.GetValueOrDefault(name) is { Length: > 0 } value ? value : null;

    // Values arrive as text; a dynamic cell's item and a context variable are JSON. Plain text stays text.
    private static object? Parsed(string text)
    {
        if (text.Length == 0 || text[0] is not ('{' or '[' or '"') && text is not ("true" or "false" or "null"))
        {
            return text;
        }

        try
        {
            return ExpressionValues.Parse(text);
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
