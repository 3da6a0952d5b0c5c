using System.Diagnostics;

namespace Pipeline.Hosting;

/// <summary>
/// Tells a bug in Pipeline from a bug in the pipeline's code, so neither is blamed for the other:
/// an unexpected exception is ours when the innermost frame outside the runtime's own libraries
/// is in the engine or one of the libraries shipped with it.
/// </summary>
internal static class EngineBugs
{
    // The engine and the libraries shipped with it; a pipeline's own assembly is never one of these.
    private static readonly HashSet<string> Ours = ["Pipeline", "Pipeline.GitHubActions", "Pipeline.Components", "Pipeline.Delivery"];

    public static bool IsThrownByEngine(Exception exception)
    {
        // Our API refusing an argument is the caller's mistake, wherever it is thrown.
        if (exception is ArgumentException)
        {
            return false;
        }

        var frames = new StackTrace(exception, fNeedFileInfo: false).GetFrames();
        var first = frames
            .Select(f => f.GetMethod()?.DeclaringType?.Assembly)
            .FirstOrDefault(a => a is not null && !IsRuntime(a));
        return first?.GetName().Name is { } name && Ours.Contains(name);
    }

    public static string Report(Exception exception) =>
        "error: this is a bug in Pipeline, not in your pipeline. Please report it with the lines below.\n" + exception;

    private static bool IsRuntime(System.Reflection.Assembly assembly) =>
        assembly.GetName().Name is { } name && (name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal) || name == "mscorlib");
}
