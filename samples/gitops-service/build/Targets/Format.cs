using Pipeline.Components.Formatting;

namespace GitOpsService.Build;

/// <summary>gofmt over the module; <c>--fix</c> rewrites.</summary>
public sealed class Format : FormatTarget
{
    protected override IEnumerable<IFormatter> Formatters => [new GoFormatter()];
}
