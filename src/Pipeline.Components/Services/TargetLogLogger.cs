using Microsoft.Extensions.Logging;
using PipelineLogLevel = Pipeline.LogLevel;

namespace Pipeline.Components.Services;

/// <summary>
/// Testcontainers' log into the target's log (so it is attributed and masked like every other
/// line): warnings and errors only; its progress chatter is not what a build log is for.
/// </summary>
internal sealed class TargetLogLogger(TargetLog log) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Warning;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            log.Write(logLevel == Microsoft.Extensions.Logging.LogLevel.Warning ? PipelineLogLevel.Warning : PipelineLogLevel.Error, "testcontainers: " + formatter(state, exception));
        }
    }
}
