namespace Pipeline.Delivery.ImageSize;

/// <summary>
/// Reads the size of each image <typeparamref name="TBuild"/> built from the Docker engine, compares it
/// with the image's budget, shows the table (log, step summary, run report), and fails with one line
/// per image over budget. In CI it can run in a job of its own: it loads the images the build saved. With
/// several image builds it measures what each recorded: depend on the others too (<c>Extend</c>).
/// <code>
/// public sealed class SizeCheck : ImageSizeCheckTarget&lt;BuildImages&gt;
/// {
///     protected override IEnumerable&lt;ImageSizeBudget&gt; Budgets =>
///         [ImageSizeBudget.Of("api", 200.MB()), ImageSizeBudget.Of("worker", 120.MB())];
/// }
/// </code>
/// </summary>
public abstract class ImageSizeCheckTarget<TBuild> : Target
    where TBuild : BuildImagesTarget
{
    /// <summary>A budget per image; a built image without one is measured and listed, never failed.</summary>
    protected abstract IEnumerable<ImageSizeBudget> Budgets { get; }

    protected virtual Tool Docker => new("docker");

    /// <summary>Declares the dependency on <typeparamref name="TBuild"/> and its images artifact, then what <see cref="Extend"/> adds.</summary>
    protected sealed override void Configure(TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Description("Compares each built image's size with its budget")
            .DependsOn<TBuild>()
            .Consumes(BuildImagesTarget.ImagesArtifact)
            .Requires(RequiredTool.Docker);
        Extend(target);
    }

    /// <summary>
    /// What this pipeline adds to the size check: relations, conditions, a description of its own.
    /// Called after the base's declarations, which it cannot drop.
    /// </summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    protected override async Task RunAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var built = BuiltImages.At(context.RootDirectory).All;
        var budgets = ReadBudgets(built);
        var reader = new ImageSizeReader(Docker);
        var rows = new List<ImageSizeMeasurement>();
        foreach (var image in built)
        {
            rows.AddRange(await reader.MeasureAsync(context, image, budgets.TryGetValue(image.Name, out var budget) ? budget.Limit : null).ConfigureAwait(false));
        }

        foreach (var line in ImageSizeTable.Text(rows))
        {
            context.Log.Info(line);
        }

        context.StepSummary.Append(ImageSizeTable.Markdown(rows));
        context.Report(ImageSizeTable.Section(rows));
        var over = rows.Where(r => r.IsOverBudget).ToList();
        if (over.Count > 0)
        {
            throw new TargetFailedException(string.Join("; ", over.Select(r => $"{r.Image} is {r.Size}, over its budget of {r.Limit}")));
        }
    }

    /// <summary>The budgets by image; a budget that is malformed, given twice, or for an image the build did not make fails the run.</summary>
    private Dictionary<string, ImageSizeBudget> ReadBudgets(IReadOnlyList<BuiltImage> built)
    {
        List<ImageSizeBudget> budgets;
        try
        {
            budgets = [.. Budgets];
        }
        catch (ArgumentException e)
        {
            throw new TargetFailedException($"{GetType().Name}: {e.WithoutParameterName()}");
        }

        if (budgets.GroupBy(b => b.Image).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new TargetFailedException($"{GetType().Name} gives the image '{twice.Key}' two budgets ({string.Join(", ", twice.Select(b => b.Limit))}); keep one.");
        }

        if (budgets.FirstOrDefault(b => built.All(i => i.Name != b.Image)) is { } stray)
        {
            throw new TargetFailedException(
                $"{GetType().Name} has a budget for '{stray.Image}', which no image build made (built: {string.Join(", ", built.Select(i => i.Name))}): fix the name or drop the budget.");
        }

        return budgets.ToDictionary(b => b.Image, StringComparer.Ordinal);
    }
}
