namespace Pipeline.Benchmarks;

/// <summary>Target graphs built by name, so a benchmark can have a thousand targets without a thousand classes.</summary>
internal static class Graphs
{
    /// <summary><paramref name="count"/> targets with no relations: everything can run at once.</summary>
    public static List<TargetDefinition> Independent(int count, Func<TargetContext, Task> action) =>
        [.. Enumerable.Range(0, count).Select(i => Target($"T{i:0000}", action, []))];

    /// <summary>Layers of targets, each depending on three targets of the layer before it.</summary>
    public static List<TargetDefinition> Layered(int layers, int width, Func<TargetContext, Task> action)
    {
        var targets = new List<TargetDefinition>(layers * width);
        for (var layer = 0; layer < layers; layer++)
        {
            for (var i = 0; i < width; i++)
            {
                IEnumerable<string> before = layer == 0 ? [] : [Name(layer - 1, i), Name(layer - 1, (i + 1) % width), Name(layer - 1, (i + 7) % width)];
                targets.Add(Target(Name(layer, i), action, before.Distinct()));
            }
        }

        return targets;

        static string Name(int layer, int i) => $"L{layer:00}T{i:000}";
    }

    /// <summary>A → <paramref name="width"/> parallel targets → Z, each sleeping <paramref name="sleep"/>.</summary>
    public static List<TargetDefinition> Diamond(int width, TimeSpan sleep)
    {
        Task Sleep(TargetContext context) => Task.Delay(sleep, context.Cancellation);
        var middle = Enumerable.Range(1, width).Select(i => Target($"M{i}", Sleep, ["A"])).ToList();
        return [Target("A", Sleep, []), .. middle, Target("Z", Sleep, middle.Select(m => m.Name))];
    }

    public static TargetDefinition Target(string name, Func<TargetContext, Task> action, IEnumerable<string> dependsOn) => new(
        name,
        typeof(Target),
        Description: null,
        Unlisted: false,
        [.. dependsOn.Select(d => new Relation(RelationKind.DependsOn, null, d))],
        Conditions: [],
        Requires: [],
        ProceedAfterFailure: false,
        AssuredAfterFailure: false,
        Timeout: null,
        RetryPolicy.None,
        action);
}
