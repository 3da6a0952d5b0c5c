using System.Globalization;

namespace Pipeline.Output;

/// <summary>"1 target", "3 targets": a count with its noun, so messages never say "1 targets".</summary>
internal static class Counted
{
    public static string Of(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
