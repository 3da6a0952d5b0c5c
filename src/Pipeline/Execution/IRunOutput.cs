using Pipeline.Planning;

namespace Pipeline.Execution;

/// <summary>
/// Where a run's events go. One implementation per host (a local console, GitHub Actions); both
/// mask secrets on every line before anything is written.
/// </summary>
internal interface IRunOutput : ITargetLogSink
{
    void RunStarting(Plan plan, int maxParallel);

    void TargetStarted(string target);

    void TargetFinished(TargetResult result);

    void RunFinished(RunReport report);
}
