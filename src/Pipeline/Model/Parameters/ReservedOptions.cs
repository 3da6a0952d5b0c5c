namespace Pipeline;

/// <summary>The options the engine owns; every other option is a parameter.</summary>
internal static class ReservedOptions
{
    private static readonly (string Name, string? Alias, bool TakesValue, string Help)[] All =
    [
        ("--help", "-h", false, "Show targets, parameters and options, then exit."),
        ("--plan", null, true, "Print the plan (order, waves, skips) and run nothing; '--plan mermaid' prints a Mermaid graph."),
        ("--skip", null, true, "Alone: run only the named targets. With names: leave those targets out."),
        ("--force", null, true, "Alone: run every target even when its inputs are unchanged. With names: those targets."),
        ("--fingerprints", null, false, "Print the fingerprint of each planned target with declared inputs (for a CI cache key) and run nothing."),
        ("--max-parallel", null, true, "How many targets may run at once (default: the processor count)."),
        ("--profile", null, true, "Also read .nuke/parameters.<profile>.json (several allowed; later wins)."),
        ("--generate", null, false, "Write the generated files (parameter schema, IDE launch profiles, workflows)."),
        ("--update-actions", null, true, "Lock the actions and images workflows use to commits and digests (.nuke/actions.lock.json); names (owner/repo@tag, image:tag) add them."),
        ("--no-report", null, false, "Do not write the run's HTML report (artifacts/report/index.html)."),
        ("--check", null, false, "With --generate: write nothing, fail with a diff if a generated file is stale."),
    ];

    public static IEnumerable<string> Names => All.Select(o => o.Name);

    public static IEnumerable<(string Name, string Help)> Described => All.Select(o => (o.Alias is null ? o.Name : $"{o.Name}, {o.Alias}", o.Help));

    public static string? Find(string option)
    {
        var key = ParameterNames.Normalize(option.TrimStart('-'));
        return All.FirstOrDefault(o => ParameterNames.Normalize(o.Name) == key || o.Alias == option || (option == "-?" && o.Name == "--help")).Name;
    }

    public static bool TakesNoValue(string option) => All.First(o => o.Name == Find(option)).TakesValue is false;
}
