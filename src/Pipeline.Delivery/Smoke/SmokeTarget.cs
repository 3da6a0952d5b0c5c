namespace Pipeline.Delivery;

/// <summary>
/// Smoke-tests a deployed service: waits until its health endpoints answer 200, then runs the
/// scenario (typed HTTP steps: sign up, log in, an authenticated call). On failure the log shows the
/// failing request and response, every exchange before it, and the service's recent logs.
/// <code>
/// public sealed class Smoke : SmokeTarget
/// {
///     protected override void Extend(TargetSpec target) => target.DependsOn&lt;DeployStaging&gt;();
///
///     protected override async Task ScenarioAsync(SmokeClient client, TargetContext context)
///     {
///         await client.PostAsync("/signup", new { email, password }).Expect(HttpStatusCode.Created);
///         …
///     }
/// }
/// </code>
/// </summary>
public abstract class SmokeTarget : Target
{
    /// <summary>Where the service answers; without it, <see cref="DefaultAddressAsync"/> decides.</summary>
    public static readonly Parameter<string> SmokeUrl =
        Parameter.Create<string>("Base address of the service to smoke-test (default: where DeployStaging put it)");

    /// <summary>Polled until each answers 200 before the scenario starts.</summary>
    protected virtual IReadOnlyList<string> ReadinessPaths => ["/health", "/readyz"];

    protected virtual TimeSpan ReadinessTimeout => TimeSpan.FromSeconds(60);

    protected virtual TimeSpan ReadinessInterval => TimeSpan.FromMilliseconds(500);

    protected virtual TimeSpan RequestTimeout => TimeSpan.FromSeconds(10);

    /// <summary>Declares <see cref="SmokeUrl"/>, then what <see cref="Extend"/> adds.</summary>
    protected sealed override void Configure(TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Description("Waits for the deployed service to be ready, then runs its smoke scenario").Reads(SmokeUrl);
        Extend(target);
    }

    /// <summary>
    /// What this pipeline adds to the Smoke target: relations, conditions, a description of its own.
    /// Called after the base's declarations, which it cannot drop.
    /// <code>protected override void Extend(TargetSpec target) => target.DependsOn&lt;DeployStaging&gt;();</code>
    /// </summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    /// <summary>The scenario: throw (or let an <c>Expect</c> throw) to fail.</summary>
    protected abstract Task ScenarioAsync(SmokeClient client, TargetContext context);

    /// <summary>The environment DeployStaging deployed to, whose address and logs this target reads.</summary>
    protected virtual string EnvironmentName => "staging";

    /// <summary>The address when <c>--smoke-url</c> is not given: where the last deployment to <see cref="EnvironmentName"/> answers.</summary>
    protected virtual Task<Uri?> DefaultAddressAsync(TargetContext context) =>
        Task.FromResult(DeployedEnvironments.In(context.RootDirectory).UrlOf(EnvironmentName));

    /// <summary>The service's recent log lines, shown when the smoke test fails: the deployed container's, when it runs locally.</summary>
    protected virtual async Task<string?> RecentLogsAsync(TargetContext context) =>
        DeployedEnvironments.In(context.RootDirectory).Last(EnvironmentName)?.Container is { } container
            ? await ContainerLogs.TailAsync(context, container).ConfigureAwait(false)
            : null;

    protected sealed override async Task RunAsync(TargetContext context)
    {
        var address = await AddressAsync(context).ConfigureAwait(false);
        using var client = new SmokeClient(address, RequestTimeout, context.Cancellation);
        try
        {
            context.Log.Info($"waiting for {string.Join(" and ", ReadinessPaths)} on {address}");
            await Readiness.WaitAsync(client, ReadinessPaths, ReadinessTimeout, ReadinessInterval, context.Log, context.Clock, context.Cancellation).ConfigureAwait(false);
            var before = client.Exchanges.Count;
            await ScenarioAsync(client, context).ConfigureAwait(false);
            context.Log.Info($"scenario passed: {client.Exchanges.Count - before} requests against {address}");
            context.Report(DeliveryReportSections.Smoke(address, client.Exchanges, null));
        }
        catch (SmokeFailedException failure)
        {
            context.Report(DeliveryReportSections.Smoke(address, client.Exchanges, failure));
            await ReportAsync(context, client, failure).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<Uri> AddressAsync(TargetContext context)
    {
        if (context.Parameters.TryGet(SmokeUrl, out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var given) && given.Scheme is "http" or "https"
                ? given
                : throw new TargetFailedException($"{((IParameter)SmokeUrl).OptionName} '{text}' is not an http(s) address.");
        }

        return await DefaultAddressAsync(context).ConfigureAwait(false)
            ?? throw new TargetFailedException(
                $"{context.TargetName} does not know where the service answers: run DeployStaging first or pass {((IParameter)SmokeUrl).OptionName}.");
    }

    private async Task ReportAsync(TargetContext context, SmokeClient client, SmokeFailedException failure)
    {
        context.Log.Error(failure.Message);
        if (failure.Exchange is { } failing)
        {
            context.Log.Error("the failing exchange:\n" + failing);
        }

        var earlier = client.Exchanges.TakeWhile(e => !ReferenceEquals(e, failure.Exchange)).TakeLast(5).ToList();
        if (earlier.Count > 0)
        {
            context.Log.Info("the exchanges before it:\n" + string.Join("\n", earlier.Select(e => e.ToString())));
        }

        try
        {
            var logs = await RecentLogsAsync(context).ConfigureAwait(false);
            context.Log.Info(logs is null ? "(the service's logs are not available)" : "the service's recent logs:\n" + logs.TrimEnd());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.Log.Warning("could not read the service's logs: " + e.Message);
        }
    }
}
