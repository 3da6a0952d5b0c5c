namespace Pipeline.GitHubActions;

/// <summary>
/// Declared values are written literally: a <c>${{</c> in one would be evaluated by GitHub, so an
/// untrusted value (a pull request's title, say) could run as part of the workflow. The generator's
/// own expressions (<c>${{ matrix.x }}</c>, <c>${{ secrets.X }}</c> for a declared secret parameter)
/// are added after this check and never pass through it.
/// </summary>
internal static class Literals
{
    private const string ExpressionStart = "${{";

    public static bool HasExpression(string? value) => value?.Contains(ExpressionStart, StringComparison.Ordinal) == true;

    /// <summary>Adds a problem when <paramref name="value"/> holds <c>${{</c>; <paramref name="owner"/> and <paramref name="field"/> say where it was declared.</summary>
    public static void Check(Problems problems, string owner, string field, string? value)
    {
        if (!HasExpression(value))
        {
            return;
        }

        var secrets = value!.Contains("secrets", StringComparison.Ordinal)
            ? " It reads secrets: a secret reaches a job only through a declared secret parameter (Requires or Reads), and only the jobs that declare it."
            : "";
        problems.Add($"{owner}: {field} contains '{ExpressionStart}', which GitHub would evaluate as an expression; declared values are written literally, so remove it.{secrets}");
    }

    public static void Check(Problems problems, string owner, string field, IEnumerable<string>? values)
    {
        foreach (var value in values ?? [])
        {
            Check(problems, owner, field, value);
        }
    }
}
