using Pipeline.Components.Formatting;

namespace RustWorkspace.Build;

/// <summary>cargo fmt over the whole workspace; <c>--fix</c> rewrites.</summary>
public sealed class Format : FormatTarget
{
    protected override IEnumerable<IFormatter> Formatters => [new CargoFormatter()];
}
