namespace Pipeline.TestSupport;

/// <summary>
/// A clock on which every wait ends at once and moves the clock forward by as much as was waited, so
/// code that polls until a 60-second deadline sees 60 seconds pass without a real one. Reading the
/// clock does not move it. Waits of code running side by side add up, so use it around one waiting loop.
/// Periodic timers are not supported.
/// </summary>
public sealed class SkippingClock(DateTimeOffset start) : TimeProvider
{
    private long _elapsedTicks;

    public SkippingClock()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>How much time the waits have skipped so far.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => start + Elapsed;

    public override long GetTimestamp() => Interlocked.Read(ref _elapsedTicks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SkippedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class SkippedTimer(SkippingClock clock, TimerCallback callback, object? state) : ITimer
    {
        private int _generation;
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
            {
                throw new NotSupportedException("A skipping clock has no periodic timers.");
            }

            var generation = Interlocked.Increment(ref _generation);
            if (dueTime == Timeout.InfiniteTimeSpan || Volatile.Read(ref _disposed))
            {
                return !Volatile.Read(ref _disposed);
            }

            // Fired from the thread pool, as real timers are: the caller has its timer before the callback runs.
            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (Volatile.Read(ref _generation) == generation && !Volatile.Read(ref _disposed))
                {
                    Interlocked.Add(ref clock._elapsedTicks, dueTime.Ticks);
                    callback(state);
                }
            });
            return true;
        }

        public void Dispose() => Volatile.Write(ref _disposed, true);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
