using System.Collections.Concurrent;

namespace Pipeline.Tests.Support;

/// <summary>
/// Wires the probe targets <see cref="A"/>…<see cref="H"/> for one test: what each declares and does.
/// It records when each target starts and ends (a global sequence number, not wall time), so tests
/// assert on order without timing.
/// </summary>
public sealed class Script
{
    private readonly Dictionary<Type, Action<TargetSpec>> _configure = [];
    private readonly Dictionary<Type, Func<TargetContext, Task>> _actions = [];
    private readonly List<Type> _targets = [];
    private readonly List<IParameter> _parameters = [];
    private Type? _default;
    private int _sequence;
    private int _running;

    public ConcurrentQueue<(string Target, string What, int Sequence)> Events { get; } = new();

    public int MaxConcurrency { get; private set; }

    public Script Target<T>(Action<TargetSpec>? configure = null, Func<TargetContext, Task>? action = null) where T : Probe
    {
        _targets.Add(typeof(T));
        if (configure is not null)
        {
            _configure[typeof(T)] = configure;
        }

        if (action is not null)
        {
            _actions[typeof(T)] = action;
        }

        return this;
    }

    public Script Default<T>() where T : Probe
    {
        _default = typeof(T);
        return this;
    }

    public Script Parameters(params IParameter[] parameters)
    {
        _parameters.AddRange(parameters);
        return this;
    }

    public PipelineBuilder Builder()
    {
        var builder = new PipelineBuilder().Provide(this).Parameters(_parameters);
        var add = typeof(PipelineBuilder).GetMethod(nameof(PipelineBuilder.Add))!;
        foreach (var type in _targets)
        {
            add.MakeGenericMethod(type).Invoke(builder, null);
        }

        if (_default is not null)
        {
            typeof(PipelineBuilder).GetMethod(nameof(PipelineBuilder.Default))!.MakeGenericMethod(_default).Invoke(builder, null);
        }

        return builder;
    }

    public async Task<RunOutcome> RunAsync(params string[] args) => await RunAsync(args, new Dictionary<string, string>());

    public async Task<RunOutcome> RunAsync(
        IReadOnlyList<string> args, IReadOnlyDictionary<string, string> variables, TempRoot? root = null, CancellationToken cancellation = default)
    {
        using var ownRoot = root is null ? new TempRoot() : null;
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new PipelineEnvironment((root ?? ownRoot!).Path, variables, output, error, ProcessorCount: 4, UseColor: false);
        var token = cancellation == default ? TestContext.Current.CancellationToken : cancellation;
        var exitCode = await Builder().RunAsync(args, environment, token);
        return new RunOutcome(exitCode, output.ToString(), error.ToString(), [.. Events]);
    }

    /// <summary>The sequence number at which <paramref name="target"/> did <paramref name="what"/> ("start" or "end").</summary>
    public int When(string target, string what) => Events.Single(e => e.Target == target && e.What == what).Sequence;

    public bool Ran(string target) => Events.Any(e => e.Target == target && e.What == "start");

    internal void Configure(Type type, TargetSpec spec)
    {
        if (_configure.TryGetValue(type, out var configure))
        {
            configure(spec);
        }
    }

    internal async Task RunAsync(Type type, TargetContext context)
    {
        Record(context.TargetName, "start");
        var running = Interlocked.Increment(ref _running);
        lock (_configure)
        {
            MaxConcurrency = Math.Max(MaxConcurrency, running);
        }

        try
        {
            if (_actions.TryGetValue(type, out var action))
            {
                await action(context);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            Record(context.TargetName, "end");
        }
    }

    private void Record(string target, string what) =>
        Events.Enqueue((target, what, Interlocked.Increment(ref _sequence)));
}

public sealed record RunOutcome(int ExitCode, string Output, string Error, IReadOnlyList<(string Target, string What, int Sequence)> Events)
{
    public string All => Output + Error;

    /// <summary>The summary table row of one target, e.g. "Test  1.2 s  failed: boom".</summary>
    public string SummaryRow(string target) =>
        Output.Split('\n').Last(l => l.StartsWith(target + " ", StringComparison.Ordinal) && !l.Contains('│', StringComparison.Ordinal)).Trim();
}

/// <summary>A target whose relations and work come from the test's <see cref="Script"/>.</summary>
public abstract class Probe(Script script) : Target
{
    protected override void Configure(TargetSpec target) => script.Configure(GetType(), target);

    protected override Task RunAsync(TargetContext context) => script.RunAsync(GetType(), context);
}

#pragma warning disable SA1402 // eight one-line probes read best together
public sealed class A(Script s) : Probe(s);

public sealed class B(Script s) : Probe(s);

public sealed class C(Script s) : Probe(s);

public sealed class D(Script s) : Probe(s);

public sealed class E(Script s) : Probe(s);

public sealed class F(Script s) : Probe(s);

public sealed class G(Script s) : Probe(s);

public sealed class H(Script s) : Probe(s);
#pragma warning restore SA1402

/// <summary>Lets two targets prove they run at the same time: each waits until the other has arrived.</summary>
public sealed class Rendezvous(int parties)
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public async Task ArriveAsync(CancellationToken cancellation)
    {
        if (Interlocked.Increment(ref _arrived) == parties)
        {
            _all.SetResult();
        }

        // If the targets were run one after another, the first would wait here until this timeout.
        await _all.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellation);
    }
}
