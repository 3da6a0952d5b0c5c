using Pipeline.Components.Formatting;

namespace EventAndTicket.Build;

/// <summary>gofmt over both modules; <c>--fix</c> rewrites.</summary>
public sealed class Format : FormatTarget
{
    protected override IEnumerable<IFormatter> Formatters => Service.All.Select(s => new GoFormatter(s.Module));
}
