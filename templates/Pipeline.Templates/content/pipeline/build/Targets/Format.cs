using Pipeline.Components.Formatting;

namespace Build;

/// <summary>Fails listing every file that is not formatted; <c>./build.sh Format --fix</c> rewrites them.</summary>
public sealed class Format : FormatTarget
{
#if (isDotNet)
    protected override IEnumerable<IFormatter> Formatters => [new DotNetFormatter("PIPELINE_SOLUTION")];
#elif (isGo)
    protected override IEnumerable<IFormatter> Formatters => [new GoFormatter()];
#else
    protected override IEnumerable<IFormatter> Formatters => [new CargoFormatter()];
#endif
}
