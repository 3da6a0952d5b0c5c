namespace Pipeline;

/// <summary>
/// What a target's result depends on, declared in <c>.Inputs(i => i.Files("src/**/*.cs", "**/obj/**").Parameter(p))</c>.
/// Before the target runs, the engine hashes these into its fingerprint; when the last successful
/// run had the same one and its output files are there (or in the local cache), it does not run.
/// A target that declares no inputs always runs.
/// </summary>
public sealed class TargetInputs
{
    private readonly List<FileInput> _files = [];
    private readonly List<IParameter> _parameters = [];
    private readonly List<string> _environment = [];
    private readonly List<RequiredTool> _tools = [];
    private readonly List<KeyValuePair<string, string>> _values = [];
    private readonly List<IOutput> _outputs = [];
    private readonly List<Action<TargetInputs, AbsolutePath, MatrixCell?>> _computed = [];

    internal TargetInputs()
    {
    }

    internal IReadOnlyList<FileInput> FileGlobs => _files;

    internal IReadOnlyList<IParameter> ParameterValues => _parameters;

    internal IReadOnlyList<string> EnvironmentVariables => _environment;

    internal IReadOnlyList<RequiredTool> ToolVersions => _tools;

    internal IReadOnlyList<KeyValuePair<string, string>> FixedValues => _values;

    internal IReadOnlyList<IOutput> UpstreamOutputs => _outputs;

    /// <summary>
    /// The content of the files matching <paramref name="include"/> (relative to the root; <c>**</c>,
    /// <c>*</c>, <c>?</c>), less those matching any of <paramref name="exclude"/>.
    /// </summary>
    public TargetInputs Files(string include, params IEnumerable<string> exclude)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(include);
        _files.Add(new FileInput(include, [.. exclude]));
        return this;
    }

    /// <summary>The parameter's value (a secret's value only as a hash).</summary>
    public TargetInputs Parameter(IParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        _parameters.Add(parameter);
        return this;
    }

    /// <summary>An environment variable's value, unset being a value of its own.</summary>
    public TargetInputs Environment(string variable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        _environment.Add(variable);
        return this;
    }

    /// <summary>The first line the tool prints for its version (<see cref="RequiredTool.VersionArguments"/>).</summary>
    public TargetInputs Tool(RequiredTool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        _tools.Add(tool);
        return this;
    }

    /// <summary>A value the pipeline knows itself (a tool version it pins, a schema number): changing it makes the target run.</summary>
    public TargetInputs Value(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        _values.Add(new(name, value));
        return this;
    }

    /// <summary>The value of an output a target it depends on produces; declaring it also consumes it.</summary>
    public TargetInputs Output(IOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _outputs.Add(output);
        return this;
    }

    /// <summary>
    /// Inputs known only when the fingerprint is computed: <paramref name="declare"/> gets the
    /// repository root (to read a project file's references, say) and, for a matrix target, the cell,
    /// so each cell can depend on its own files. Upstream outputs must be declared up front.
    /// </summary>
    public TargetInputs Computed(Action<TargetInputs, AbsolutePath, MatrixCell?> declare)
    {
        ArgumentNullException.ThrowIfNull(declare);
        _computed.Add(declare);
        return this;
    }

    /// <summary>These inputs with the computed ones of <paramref name="cell"/> added; itself when it has none.</summary>
    internal TargetInputs For(AbsolutePath root, MatrixCell? cell)
    {
        if (_computed.Count == 0)
        {
            return this;
        }

        var resolved = new TargetInputs();
        resolved._files.AddRange(_files);
        resolved._parameters.AddRange(_parameters);
        resolved._environment.AddRange(_environment);
        resolved._tools.AddRange(_tools);
        resolved._values.AddRange(_values);
        resolved._outputs.AddRange(_outputs);
        foreach (var declare in _computed)
        {
            declare(resolved, root, cell);
        }

        // An output read only here would not be consumed, so its value could be missing when it is read.
        if (resolved._outputs.Count != _outputs.Count || resolved._computed.Count > 0)
        {
            throw new DefinitionException("Computed inputs cannot add upstream outputs or more computed inputs: declare those with Inputs(…) directly.");
        }

        return resolved;
    }
}

/// <summary>One <see cref="TargetInputs.Files"/> call: a glob and what it leaves out.</summary>
internal sealed record FileInput(string Include, IReadOnlyList<string> Exclude);
