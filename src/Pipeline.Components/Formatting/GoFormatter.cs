using Pipeline.Components.Tools;

namespace Pipeline.Components.Formatting;

/// <summary><c>gofmt</c> over a directory (relative to the root), recursively.</summary>
public sealed class GoFormatter(string directory = ".") : IFormatter
{
    public string Name => $"gofmt {directory}";

    public Toolchain Toolchain => GoToolchain.For(directory);

    public async Task<FormatCheck> CheckAsync(TargetContext context) =>
        new(Name, await ListAsync(context, "-l"));

    public Task<IReadOnlyList<string>> FixAsync(TargetContext context) => ListAsync(context, "-l", "-w");

    // -l prints each file that differs (with -w: each file rewritten), relative to where gofmt runs.
    private async Task<IReadOnlyList<string>> ListAsync(TargetContext context, params string[] flags)
    {
        var result = await context.RunAsync(new ToolCommand("gofmt").AddArguments([.. flags, directory]).WithOutputKept());
        return [.. result.Output
            .Where(line => line.EndsWith(".go", StringComparison.Ordinal))
            .Select(line => ReportedPath.RelativeToRoot(line, context.RootDirectory, context.RootDirectory))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }
}
