namespace Accounts;

/// <summary>
/// The welcome jobs the API queues at signup and the executor works through, as Redis lists: a job is
/// moved from <c>welcome:queued</c> to <c>welcome:working</c> while it runs and dropped once done, so a
/// job an executor took and never finished is put back by the next one to start.
/// </summary>
public sealed class WelcomeQueue(RedisConnection redis)
{
    private const string Queued = "welcome:queued";
    private const string Working = "welcome:working";

    public async Task EnqueueAsync(string email, CancellationToken cancellation = default) =>
        await redis.SendAsync(["LPUSH", Queued, email], cancellation).ConfigureAwait(false);

    /// <summary>The next job's email, moved to the working list; null when none came within <paramref name="wait"/>.</summary>
    public Task<string?> TakeAsync(TimeSpan wait, CancellationToken cancellation = default) =>
        redis.SendAsync(["BLMOVE", Queued, Working, "RIGHT", "LEFT", ((int)Math.Max(1, wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellation);

    public async Task CompleteAsync(string email, CancellationToken cancellation = default) =>
        await redis.SendAsync(["LREM", Working, "1", email], cancellation).ConfigureAwait(false);

    /// <summary>Puts every unfinished job back at the head of the queue; the number put back.</summary>
    public async Task<int> RequeueUnfinishedAsync(CancellationToken cancellation = default)
    {
        var count = 0;
        while (await redis.SendAsync(["LMOVE", Working, Queued, "LEFT", "RIGHT"], cancellation).ConfigureAwait(false) is not null)
        {
            count++;
        }

        return count;
    }
}
