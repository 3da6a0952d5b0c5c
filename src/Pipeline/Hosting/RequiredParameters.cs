using Pipeline.Planning;

namespace Pipeline.Hosting;

/// <summary>Fails before anything runs when a parameter the plan needs has no value, listing them all.</summary>
internal static class RequiredParameters
{
    public static void Check(Plan plan, ParameterValues values)
    {
        var needed = plan.ToRun
            .SelectMany(t => t.Definition.Requires.Select(p => (Parameter: p, Target: t.Name)))
            .Concat(values.Declared.Where(p => p.IsRequired).Select(p => (Parameter: p, Target: "every run")))
            .Where(n => !values.HasValue(n.Parameter))
            .GroupBy(n => n.Parameter)
            .Select(g => $"  {g.Key.OptionName} (or ${g.Key.EnvironmentName}): {g.Key.Description} — needed by {string.Join(", ", g.Select(n => n.Target).Distinct())}")
            .ToList();
        if (needed.Count > 0)
        {
            throw new UsageException(
                $"Missing required parameter{(needed.Count > 1 ? "s" : "")}; nothing has run:\n{string.Join('\n', needed)}");
        }
    }
}
