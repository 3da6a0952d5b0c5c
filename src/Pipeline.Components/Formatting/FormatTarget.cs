namespace Pipeline.Components.Formatting;

/// <summary>
/// A reusable Format target: fails listing every file that is not formatted, or with <c>--fix</c>
/// rewrites them. Subclass it and name the formatters:
/// <code>protected override IEnumerable&lt;IFormatter&gt; Formatters => [new GoFormatter("services/events")];</code>
/// </summary>
public abstract class FormatTarget : Target
{
    /// <summary><c>--fix</c>: rewrite the files instead of failing.</summary>
    public static readonly Parameter<bool> Fix = Parameter.Create("Format rewrites the files that are not formatted instead of failing", false);

    /// <summary>The formatters to run, in order; each covers its own part of the repository.</summary>
    protected abstract IEnumerable<IFormatter> Formatters { get; }

    /// <summary>Declares <see cref="Fix"/> and the formatters' toolchains, then what <see cref="Extend"/> adds.</summary>
    protected sealed override void Configure(TargetSpec target)
    {
        target.Description("Fails when a file is not formatted; --fix rewrites them").Reads(Fix);
        foreach (var toolchain in Formatters.Select(f => f.Toolchain).Distinct())
        {
            target.Toolchain(toolchain);
        }

        Extend(target);
    }

    /// <summary>
    /// What this pipeline adds to the Format target: relations, conditions, a description of its own.
    /// Called after the base's declarations, which it cannot drop.
    /// <code>protected override void Extend(TargetSpec target) => target.Before&lt;Compile&gt;();</code>
    /// </summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    protected override async Task RunAsync(TargetContext context)
    {
        if (context.Get(Fix))
        {
            await FixAllAsync(context);
            return;
        }

        var unformatted = new List<string>();
        foreach (var formatter in Formatters)
        {
            var check = await formatter.CheckAsync(context);
            foreach (var file in check.Files)
            {
                context.Log.Error($"{file}: not formatted ({formatter.Name})");
            }

            unformatted.AddRange(check.Files);
        }

        if (unformatted.Count > 0)
        {
            var files = unformatted.Distinct().ToList();
            throw new TargetFailedException(
                $"{files.Count} {(files.Count == 1 ? "file is" : "files are")} not formatted (run with --fix to rewrite them):\n" + string.Join('\n', files.Select(f => "  " + f)));
        }

        context.Log.Info("Every file is formatted.");
    }

    private async Task FixAllAsync(TargetContext context)
    {
        foreach (var formatter in Formatters)
        {
            var rewritten = await formatter.FixAsync(context);
            foreach (var file in rewritten)
            {
                context.Log.Info($"{file}: rewritten ({formatter.Name})");
            }

            if (rewritten.Count == 0)
            {
                context.Log.Info($"{formatter.Name}: nothing to rewrite");
            }
        }
    }
}
