using System.Text;

namespace Pipeline.Execution;

/// <summary>
/// While a pipeline runs, <see cref="Console.Out"/> and <see cref="Console.Error"/> written by a
/// target's own code (a library that prints, a stray <c>Console.WriteLine</c>) go through that
/// target's log like everything else: masked, and attributed to the target. Which target is
/// writing is an async-local, so targets running side by side keep their own lines; code outside
/// any target writes to the console as before.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly AsyncLocal<TargetLog?> Current = new();
    private static readonly Lock InstallLock = new();

    // Console.SetOut wraps what it is given in a synchronized writer: both are kept to recognise it.
    private static (CapturingWriter Capturing, TextWriter Installed)? _out;
    private static (CapturingWriter Capturing, TextWriter Installed)? _error;

    /// <summary>Routes the process's console writers through the current target's log; once per process.</summary>
    public static void Install()
    {
        lock (InstallLock)
        {
            if (!ReferenceEquals(Console.Out, _out?.Installed))
            {
                var capturing = new CapturingWriter(Console.Out);
                Console.SetOut(capturing);
                _out = (capturing, Console.Out);
            }

            if (!ReferenceEquals(Console.Error, _error?.Installed))
            {
                var capturing = new CapturingWriter(Console.Error);
                Console.SetError(capturing);
                _error = (capturing, Console.Error);
            }
        }
    }

    /// <summary>The console writer underneath the capture: where the engine itself writes.</summary>
    public static TextWriter Original(TextWriter writer) =>
        ReferenceEquals(writer, _out?.Installed) ? _out.Value.Capturing.Inner
        : ReferenceEquals(writer, _error?.Installed) ? _error.Value.Capturing.Inner
        : writer;

    /// <summary>Attributes console writes in the current async flow to <paramref name="log"/> until disposed.</summary>
    public static IDisposable WritingTo(TargetLog log)
    {
        var previous = Current.Value;
        Current.Value = log;
        return new Restore(log, previous);
    }

    private sealed class Restore(TargetLog log, TargetLog? previous) : IDisposable
    {
        public void Dispose()
        {
            // A last line written without a newline still belongs to the target.
            _out?.Capturing.WriteRest(log);
            _error?.Capturing.WriteRest(log);
            Current.Value = previous;
        }
    }

    private sealed class CapturingWriter(TextWriter inner) : TextWriter
    {
        /// <summary>
        /// A line this long is written as it is, and the rest follows as the next line: text that
        /// never ends its line (dots of progress, say) must not grow the process until the target ends.
        /// </summary>
        public const int MaxLineLength = 1_000_000;

        [ThreadStatic]
        private static bool _dispatching;

        private readonly Dictionary<TargetLog, StringBuilder> _partialLines = [];

        public TextWriter Inner => inner;

        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            if (Current.Value is not { } log || _dispatching)
            {
                inner.Write(value);
                return;
            }

            List<string> lines = [];
            lock (_partialLines)
            {
                var partial = _partialLines.TryGetValue(log, out var existing) ? existing : _partialLines[log] = new StringBuilder();
                foreach (var c in value ?? "")
                {
                    if (c == '\n')
                    {
                        lines.Add(partial.ToString().TrimEnd('\r'));
                        partial.Clear();
                    }
                    else
                    {
                        partial.Append(c);
                        if (partial.Length >= MaxLineLength)
                        {
                            lines.Add(partial.ToString());
                            partial.Clear();
                        }
                    }
                }
            }

            Dispatch(log, lines);
        }

        private static void Dispatch(TargetLog log, List<string> lines)
        {
            _dispatching = true; // the log's own writes must reach the real console, not come back here
            try
            {
                foreach (var line in lines)
                {
                    log.Info(line);
                }
            }
            finally
            {
                _dispatching = false;
            }
        }

        public void WriteRest(TargetLog log)
        {
            string rest;
            lock (_partialLines)
            {
                if (!_partialLines.Remove(log, out var partial) || partial.Length == 0)
                {
                    return;
                }

                rest = partial.ToString();
            }

            Dispatch(log, [rest]);
        }

        public override void WriteLine(string? value) => Write(value + "\n");

        public override void WriteLine() => Write("\n");

        public override void Flush()
        {
            if (Current.Value is null)
            {
                inner.Flush();
            }
        }
    }
}
