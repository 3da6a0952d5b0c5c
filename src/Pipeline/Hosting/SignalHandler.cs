using System.Runtime.InteropServices;

namespace Pipeline.Hosting;

/// <summary>
/// Ctrl+C and SIGTERM cancel the run: running targets see their token fire and their process trees
/// are killed. A second Ctrl+C is left to the default handler and ends the process at once.
/// </summary>
internal sealed class SignalHandler : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly List<PosixSignalRegistration> _registrations = [];

    public SignalHandler(CancellationTokenSource cancellation)
    {
        _cancellation = cancellation;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_cancellation.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        _cancellation.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
