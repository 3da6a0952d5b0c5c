namespace Pipeline;

/// <summary>
/// The parameter values of one run. Sources, strongest first: the command line, the environment,
/// the profile files (<c>--profile</c>, later ones win), <c>.nuke/parameters.json</c>, the default.
/// </summary>
public sealed class ParameterValues
{
    private readonly Dictionary<string, IParameter> _declared;
    private readonly ParameterInputs _inputs;
    private readonly AbsolutePath _root;
    private readonly Dictionary<IParameter, Resolved?> _cache = [];
    private readonly Lock _lock = new();

    internal ParameterValues(IEnumerable<IParameter> declared, ParameterInputs inputs, AbsolutePath root)
    {
        _declared = [];
        _inputs = inputs;
        _root = root;
        foreach (var parameter in declared)
        {
            Declare(parameter);
        }
    }

    internal void Declare(IParameter parameter)
    {
        var key = ParameterNames.Normalize(parameter.Name);
        if (_declared.TryGetValue(key, out var existing) && !existing.Equals(parameter))
        {
            throw new DefinitionException(
                $"Two different parameters are named '{parameter.Name}' (normalised '{key}'); give one another name.");
        }

        if (ReservedOptions.Find(parameter.OptionName) is { } reserved)
        {
            throw new DefinitionException($"Parameter {parameter.Name} would take the option {reserved}, which the engine reserves.");
        }

        _declared[key] = parameter;
    }

    internal IReadOnlyCollection<IParameter> Declared => _declared.Values;

    /// <summary>The value, or the default. Throws when there is neither (declare it with <c>Requires</c>).</summary>
    public T Get<T>(Parameter<T> parameter) =>
        TryGet(parameter, out var value)
            ? value
            : throw new UsageException(
                $"Parameter {parameter} has no value. Pass {parameter} <value> or set {((IParameter)parameter).EnvironmentName}; " +
                "a target that needs it should declare .Requires(...) so this is caught before anything runs.");

    public bool TryGet<T>(Parameter<T> parameter, out T value)
    {
        var resolved = Resolve(parameter);
        if (resolved is not null)
        {
            value = (T)resolved.Value;
            return true;
        }

        if (parameter.HasDefault)
        {
            value = parameter.Default!;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Whether a source gives a value or the declaration has a default.</summary>
    public bool HasValue(IParameter parameter) => Resolve(parameter) is not null || parameter.DefaultValue is not null;

    /// <summary>The value, or the default, or null: what a target's fingerprint reads.</summary>
    internal object? ValueOf(IParameter parameter) => Resolve(parameter)?.Value ?? parameter.DefaultValue;

    /// <summary>The value (or default) as an expression reads it: text, lists comma-separated; null when it has none.</summary>
    internal string? TextOf(IParameter parameter) => ValueOf(parameter) switch
    {
        null => null,
        bool b => b ? "true" : "false",
        string[] list => string.Join(',', list),
        var value => System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Where the value came from, for help and error messages.</summary>
    internal string? SourceOf(IParameter parameter) => Resolve(parameter)?.Source;

    /// <summary>Every value a secret parameter has, so that output can mask them.</summary>
    internal IEnumerable<(IParameter Parameter, string Value)> SecretValues() => _declared.Values
        .Where(p => p.IsSecret)
        .Select(p => (Parameter: p, Value: Resolve(p)?.Value as string))
        .Where(s => !string.IsNullOrEmpty(s.Value))
        .Select(s => (s.Parameter, s.Value!));

    /// <summary>Fails on an unknown option or key, and converts every given value so bad ones fail now.</summary>
    internal void Validate()
    {
        CommandLineValue? previous = null;
        foreach (var option in CommandLine())
        {
            if (!CommandLineValue.LooksLikeOption(option.Option))
            {
                // The word itself is not repeated: it may be part of a secret.
                throw new UsageException(
                    $"A word after {previous?.Option ?? "the options"} belongs to no option: {previous?.Option} takes one value (quote a value that has spaces). " +
                    "Targets go before the options; run with --help to list them.");
            }

            previous = option;

            if (!_declared.ContainsKey(option.NormalizedName))
            {
                throw new UsageException(
                    $"Unknown option '{option.Option}'." +
                    Suggestions.DidYouMean(option.Option, _declared.Values.Select(p => p.OptionName).Concat(ReservedOptions.Names)) +
                    " Run with --help to list the options.");
            }
        }

        foreach (var file in _inputs.Files)
        {
            foreach (var entry in file.Entries.Where(e => e.Key != "$schema" && !_declared.ContainsKey(ParameterNames.Normalize(e.Key))))
            {
                throw new UsageException(
                    $"{file.Path.RelativeTo(_root)}:{entry.Line}: unknown parameter '{entry.Key}'." +
                    Suggestions.DidYouMean(entry.Key, _declared.Values.Select(p => p.Name)));
            }
        }

        foreach (var parameter in _declared.Values)
        {
            _ = Resolve(parameter);
        }
    }

    private Resolved? Resolve(IParameter parameter)
    {
        lock (_lock)
        {
            if (!_cache.TryGetValue(parameter, out var resolved))
            {
                resolved = ResolveUncached(parameter);
                _cache[parameter] = resolved;
            }

            return resolved;
        }
    }

    private Resolved? ResolveUncached(IParameter parameter)
    {
        var key = ParameterNames.Normalize(parameter.Name);
        var type = parameter.ValueType;

        // Empty is unset, here as in the environment: one rule for every source.
        var option = CommandLine().LastOrDefault(o => o.NormalizedName == key);
        if (option is not null && !(option.Tokens is [""] && type != typeof(bool)))
        {
            return Convert(parameter, $"'{string.Join(' ', option.Tokens)}'", "the command line",
                () => ValueConverter.ConvertText(type, option.Tokens, _root));
        }

        // Empty is unset: a workflow passes `${{ inputs.x }}` on every event, and it is "" unless dispatched.
        if (_inputs.Environment.TryGetValue(parameter.EnvironmentName, out var text) && text.Length > 0)
        {
            // Arrays come from the environment comma-separated: TAGS=a,b,c
            IReadOnlyList<string> tokens = type.IsArray ? text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [text];
            return Convert(parameter, $"'{text}'", $"environment variable {parameter.EnvironmentName}",
                () => ValueConverter.ConvertText(type, tokens, _root));
        }

        // Later files (profiles) override earlier ones (parameters.json).
        foreach (var file in _inputs.Files.Reverse())
        {
            var entry = file.Entries.LastOrDefault(e => ParameterNames.Normalize(e.Key) == key);
            if (entry is not null)
            {
                return Convert(parameter, entry.Value.GetRawText(), $"{file.Path.RelativeTo(_root)}:{entry.Line}",
                    () => ValueConverter.ConvertJson(type, entry.Value, _root));
            }
        }

        return null;
    }

    private IReadOnlyList<CommandLineValue> CommandLine() =>
        CommandLineValue.Group(_inputs.CommandLineTokens, token => _declared.GetValueOrDefault(ParameterNames.Normalize(token.TrimStart('-'))));

    private static Resolved Convert(IParameter parameter, string shownValue, string source, Func<object> convert)
    {
        try
        {
            return new Resolved(convert(), source);
        }
        catch (FormatException e)
        {
            // A secret's value stays out of the message, like everywhere else.
            var value = parameter.IsSecret ? "***" : shownValue;
            throw new UsageException(
                $"Invalid value {value} for {parameter.Name} ({parameter.OptionName}) from {source}: {e.Message}.");
        }
    }

    private sealed record Resolved(object Value, string Source);
}
