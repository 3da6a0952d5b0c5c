namespace Pipeline;

/// <summary>Something a local run cannot know yet, or cannot know at all.</summary>
/// <param name="What">What was read: <c>steps.deploy.outputs.url</c>.</param>
/// <param name="Why">Why it is unknown, and how to make it known where there is a way.</param>
/// <param name="KnownAtStart">Known when the target would start (how a target before it ended, a matrix cell), not while planning.</param>
internal sealed record UnknownFact(string What, string Why, bool KnownAtStart);

/// <summary>An expression's value in a local run: known, or not known with the facts that were missing.</summary>
internal abstract record Evaluated
{
    public static Evaluated Of(object? value) => new Known(value);

    public static Evaluated Missing(string what, string why, bool knownAtStart = false) => new Unknown([new UnknownFact(what, why, knownAtStart)]);

    internal sealed record Known(object? Value) : Evaluated;

    internal sealed record Unknown(IReadOnlyList<UnknownFact> Facts) : Evaluated
    {
        public static Unknown Of(IEnumerable<Evaluated> values) =>
            new([.. values.OfType<Unknown>().SelectMany(u => u.Facts).Distinct()]);
    }
}
