using Pipeline.Generation;
using Pipeline.Hosting;
using Pipeline.Planning;

namespace Pipeline;

/// <summary>
/// Declares a pipeline: its targets (by type), default target, parameters and the objects targets are built from. The
/// builder holds only declarations; each run builds its own targets, values and output.
/// <code>
/// return await new PipelineBuilder()
///     .Add&lt;Restore&gt;().Add&lt;Compile&gt;().Add&lt;Test&gt;()
///     .Default&lt;Test&gt;()
///     .Parameters(Params.Configuration)
///     .RunAsync(args);
/// </code>
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<Type> _targets = [];
    private readonly List<IParameter> _parameters = [];
    private readonly Dictionary<Type, Func<Dependencies, object>> _provided = [];
    private readonly List<IGeneratedFileSource> _generators = [];
    private Type? _default;

    /// <summary>The build project's folder, relative to the root: where launch profiles are written.</summary>
    public string BuildProjectDirectory { get; private set; } = "build";

    public PipelineBuilder Add<T>() where T : Target
    {
        if (!_targets.Contains(typeof(T)))
        {
            _targets.Add(typeof(T));
        }

        return this;
    }

    /// <summary>The target <c>./build.sh</c> runs when no target is named.</summary>
    public PipelineBuilder Default<T>() where T : Target
    {
        Add<T>();
        _default = typeof(T);
        return this;
    }

    public PipelineBuilder Parameters(params IEnumerable<IParameter> parameters)
    {
        _parameters.AddRange(parameters.Where(p => !_parameters.Contains(p)));
        return this;
    }

    /// <summary>Something targets take in their constructors: tools, settings, clients.</summary>
    public PipelineBuilder Provide<T>(Func<Dependencies, T> factory) where T : class
    {
        _provided[typeof(T)] = factory;
        return this;
    }

    public PipelineBuilder Provide<T>(T instance) where T : class => Provide(_ => instance);

    /// <summary>Adds files that <c>--generate</c> writes and <c>--generate --check</c> verifies.</summary>
    public PipelineBuilder Generates(IGeneratedFileSource source)
    {
        _generators.Add(source);
        return this;
    }

    public PipelineBuilder WithBuildProjectDirectory(string relativeDirectory)
    {
        BuildProjectDirectory = relativeDirectory;
        return this;
    }

    /// <summary>Runs with the real process's arguments, environment and console; returns the exit code.</summary>
    public async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        using var signals = new SignalHandler(cancellation);
        return await RunAsync(args, PipelineEnvironment.FromProcess() with { OwnsProcess = true }, cancellation.Token).ConfigureAwait(false);
    }

    /// <summary>Runs in-process against the given environment: what the tests use.</summary>
    public Task<int> RunAsync(IReadOnlyList<string> args, PipelineEnvironment environment, CancellationToken cancellation = default) =>
        PipelineHost.RunAsync(this, args, environment, cancellation);

    /// <summary>The validated graph for an environment, without running anything.</summary>
    internal TargetGraph BuildGraph(PipelineEnvironment environment) =>
        Open(environment, new ParameterInputs([], environment.Variables, [])).Graph;

    internal IReadOnlyList<IGeneratedFileSource> Generators => _generators;

    /// <summary>Builds one run's targets and graph from declarations.</summary>
    internal PipelineSession Open(PipelineEnvironment environment, ParameterInputs inputs)
    {
        var values = new ParameterValues(_parameters, inputs, environment.RootDirectory);
        var dependencies = new Dependencies(_provided, [values, environment]);
        var definitions = new List<TargetDefinition>();
        var pending = new Queue<Type>(_targets);
        var seen = new HashSet<Type>(_targets);
        while (pending.TryDequeue(out var type))
        {
            var target = (Target)dependencies.Construct(type);
            var spec = new TargetSpec(type);
            target.ConfigureBy(spec);
            definitions.Add(spec.ToDefinition(type.Name, target.RunBy));

            // A target named only in a relation joins the pipeline too: the type says how to build it.
            foreach (var related in definitions[^1].Relations.Select(r => r.OtherType).OfType<Type>().Where(seen.Add))
            {
                pending.Enqueue(related);
            }
        }

        // A parameter a target requires is declared by that alone.
        foreach (var parameter in definitions.SelectMany(d => d.Parameters))
        {
            values.Declare(parameter);
        }

        var graph = TargetGraph.Create(definitions, _default?.Name);
        return new PipelineSession(graph, values, dependencies, environment);
    }
}
