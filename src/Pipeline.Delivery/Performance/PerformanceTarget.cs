namespace Pipeline.Delivery.Performance;

/// <summary>
/// Load-tests a deployed service in-process and gates on its thresholds: sends the listed requests
/// as the load profile says, measures each, shows latencies by request and the thresholds (log, step
/// summary, run report), and fails with one line per breached threshold. The address is where the last
/// deployment to <see cref="EnvironmentName"/> answers, as a smoke target's is, or <c>--performance-url</c>.
/// <code>
/// public sealed class PerformanceTests : PerformanceTarget
/// {
///     protected override IReadOnlyList&lt;PerformanceRequest&gt; Requests => [PerformanceRequest.Get("/health"), PerformanceRequest.Get("/catalog")];
///
///     protected override PerformanceThresholds Thresholds => new() { P95 = 1000.Milliseconds(), MaxErrorRate = 1.Percent() };
///
///     protected override void Extend(TargetSpec target) => target.DependsOn&lt;DeployStaging&gt;();
/// }
/// </code>
/// </summary>
public abstract class PerformanceTarget : Target
{
    /// <summary>Where the service answers; without it, <see cref="DefaultAddressAsync"/> decides.</summary>
    public static readonly Parameter<string> PerformanceUrl =
        Parameter.Create<string>("Base address of the service to load-test (default: where DeployStaging put it)");

    /// <summary>What to send, in turn; a request listed twice is sent twice as often.</summary>
    protected abstract IReadOnlyList<PerformanceRequest> Requests { get; }

    /// <summary>What the service must stay within: by default p95 within 1,000 ms and at most 1% errors.</summary>
    protected virtual PerformanceThresholds Thresholds => PerformanceThresholds.Default;

    /// <summary>How much load: by default 200 requests, 4 at a time, after 10 warm-up requests.</summary>
    protected virtual LoadProfile Load => LoadProfile.Default;

    /// <summary>The environment DeployStaging deployed to, whose address this target reads.</summary>
    protected virtual string EnvironmentName => "staging";

    /// <summary>
    /// Declares <see cref="PerformanceUrl"/>, then what <see cref="Extend"/> adds. The requests, thresholds
    /// and load profile are checked here, so one that is wrong stops planning and every run with one line.
    /// </summary>
    protected sealed override void Configure(TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (_, _, load) = Definition();
        target.Description($"Load-tests the deployed service ({load}) and gates on its latency and error rate").Reads(PerformanceUrl);
        Extend(target);
    }

    /// <summary>
    /// What this pipeline adds to the target: relations, conditions, a description of its own.
    /// Called after the base's declarations, which it cannot drop.
    /// <code>protected override void Extend(TargetSpec target) => target.DependsOn&lt;DeployStaging&gt;();</code>
    /// </summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    /// <summary>The address when <c>--performance-url</c> is not given: where the last deployment to <see cref="EnvironmentName"/> answers.</summary>
    protected virtual Task<Uri?> DefaultAddressAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(DeployedEnvironments.In(context.RootDirectory).UrlOf(EnvironmentName));
    }

    protected sealed override async Task RunAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (requests, thresholds, load) = Definition();
        var address = await AddressAsync(context).ConfigureAwait(false);
        context.Log.Info($"load-testing {address}: {load}; {string.Join(", ", requests.Distinct())}");
        var result = await new LoadRunner(address, requests, load).RunAsync(context.Cancellation).ConfigureAwait(false);

        var checks = ThresholdCheck.All(thresholds, result);
        context.Log.Info(PerformanceTable.Totals(result, load));
        foreach (var line in PerformanceTable.Text(result, checks))
        {
            context.Log.Info(line);
        }

        if (result.FirstConnectionError is { } connectionError)
        {
            context.Log.Warning($"the first connection error: {connectionError}");
        }

        context.StepSummary.Append(PerformanceTable.Markdown(address, result, load, checks));
        context.Report(PerformanceTable.Section(address, result, load, checks));
        var breaches = checks.Where(c => c.Breached).Select(c => c.Line).ToList();
        if (breaches.Count > 0)
        {
            throw new TargetFailedException(string.Join('\n', breaches));
        }
    }

    /// <summary>The requests, thresholds and load profile; one that is wrong is a definition error of one line.</summary>
    private (IReadOnlyList<PerformanceRequest> Requests, PerformanceThresholds Thresholds, LoadProfile Load) Definition()
    {
        try
        {
            var requests = Requests;
            return requests.Count > 0
                ? (requests, Thresholds, Load)
                : throw new DefinitionException($"{GetType().Name} lists no requests to send: give Requests at least one, such as PerformanceRequest.Get(\"/health\").");
        }
        catch (ArgumentException e)
        {
            throw new DefinitionException($"{GetType().Name}: {e.WithoutParameterName()}");
        }
    }

    private async Task<Uri> AddressAsync(TargetContext context)
    {
        if (context.Parameters.TryGet(PerformanceUrl, out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var given) && given.Scheme is "http" or "https"
                ? given
                : throw new TargetFailedException($"{((IParameter)PerformanceUrl).OptionName} '{text}' is not an http(s) address.");
        }

        return await DefaultAddressAsync(context).ConfigureAwait(false)
            ?? throw new TargetFailedException(
                $"{context.TargetName} does not know where the service answers: run DeployStaging first or pass {((IParameter)PerformanceUrl).OptionName}.");
    }
}
