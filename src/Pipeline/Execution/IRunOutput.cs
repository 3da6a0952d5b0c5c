namespace Pipeline;

/// <summary>
/// Where a run's events go. One implementation per host (a local console, GitHub Actions); both
/// mask secrets on every line through <see cref="SecretMasker"/> before anything is written.
/// </summary>
internal interface IRunOutput
{
    void RunStarting(Plan plan, int maxParallel);

    void TargetStarted(string target);

    void Line(string target, LogLevel level, string text);

    /// <summary>A line about a place in a source file: <c>path:line:col: text</c>, or a GitHub annotation.</summary>
    void Annotation(string target, LogLevel level, SourceLocation location, string text);

    void TargetFinished(TargetResult result);

    void RunFinished(RunReport report);
}
