namespace Pipeline;

/// <summary>
/// A context value given to the engine as an environment variable: <c>PIPELINE_CONTEXT_VARS_DEPLOY</c>
/// for <c>vars.DEPLOY</c>, <c>PIPELINE_CONTEXT_NEEDS_LINT_RESULT</c> for how Lint's job ended. The
/// generator sets them on a build step for what a condition in it reads and the runner's environment
/// does not carry (as JSON, from <c>toJSON(…)</c>); set by hand, they replay a CI decision locally.
/// </summary>
internal static class ContextVariables
{
    public const string Prefix = "PIPELINE_CONTEXT_";

    /// <summary>The variable for a path as shown locally (<c>needs.Lint.result</c>).</summary>
    public static string NameOf(string path) =>
        Prefix + string.Concat(path.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_'));
}
