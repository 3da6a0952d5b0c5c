using System.Diagnostics;

namespace Pipeline.Delivery.Performance;

/// <summary>
/// Sends a load profile's requests to a service over one <see cref="HttpClient"/>: the warm-up, then the
/// measured requests, <see cref="LoadProfile.Concurrency"/> in flight at once. Request i is the
/// (i mod n)-th of the n listed, so a count-based test sends each of them a known number of times.
/// Latency is wall time (Stopwatch): a request takes real time, whatever clock the run reads.
/// </summary>
internal sealed class LoadRunner(Uri address, IReadOnlyList<PerformanceRequest> requests, LoadProfile profile)
{
    /// <summary>Runs the test; <paramref name="cancellation"/> stops it (an <see cref="OperationCanceledException"/>), between requests or in one.</summary>
    public async Task<LoadResult> RunAsync(CancellationToken cancellation)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = profile.Concurrency,
            UseCookies = false, // each request stands alone, as many users' would
        };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        if (profile.WarmUpRequests > 0)
        {
            await PhaseAsync(http, profile.WarmUpRequests, duration: null, cancellation).ConfigureAwait(false);
        }

        var started = Stopwatch.GetTimestamp();
        var samples = await PhaseAsync(http, profile.TotalRequests, profile.Duration, cancellation).ConfigureAwait(false);
        return new LoadResult(samples, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Sends <paramref name="count"/> requests, or as many as start within <paramref name="duration"/>;
    /// the samples come back in the order the requests were sent.
    /// </summary>
    private async Task<List<RequestSample>> PhaseAsync(HttpClient http, int? count, TimeSpan? duration, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var next = -1;
        async Task<List<(int Index, RequestSample Sample)>> ClientAsync()
        {
            var sent = new List<(int, RequestSample)>();
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                if (duration is { } limit && Stopwatch.GetElapsedTime(started) >= limit)
                {
                    return sent;
                }

                var index = Interlocked.Increment(ref next);
                if (count is { } total && index >= total)
                {
                    return sent;
                }

                sent.Add((index, await SendAsync(http, requests[index % requests.Count], cancellation).ConfigureAwait(false)));
            }
        }

        var clients = Enumerable.Range(0, profile.Concurrency).Select(_ => Task.Run(ClientAsync, cancellation)).ToList();
        var all = await Task.WhenAll(clients).ConfigureAwait(false);
        return [.. all.SelectMany(sent => sent).OrderBy(s => s.Index).Select(s => s.Sample)];
    }

    private async Task<RequestSample> SendAsync(HttpClient http, PerformanceRequest request, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(profile.RequestTimeout);
        using var message = request.ToMessage(address);
        var started = Stopwatch.GetTimestamp();
        try
        {
            // The default completion reads the whole body: a response is only as fast as its last byte.
            using var response = await http.SendAsync(message, deadline.Token).ConfigureAwait(false);
            var latency = Stopwatch.GetElapsedTime(started);
            return new RequestSample(
                request, latency, response.StatusCode, response.StatusCode == request.ExpectedStatus ? RequestFailure.None : RequestFailure.UnexpectedStatus);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
            // The run's cancellation stops the test, whatever the client made of it; the deadline is a timeout.
            cancellation.ThrowIfCancellationRequested();
            var latency = Stopwatch.GetElapsedTime(started);
            return e is OperationCanceledException
                ? new RequestSample(request, latency, null, RequestFailure.Timeout)
                : new RequestSample(request, latency, null, RequestFailure.ConnectionError, e.Message);
        }
    }
}
