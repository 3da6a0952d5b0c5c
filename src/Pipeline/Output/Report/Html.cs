using System.Net;

namespace Pipeline.Output.Report;

/// <summary>How every value reaches the report's page: secrets masked first, then HTML-encoded.</summary>
internal static class Html
{
    // Masked before encoding: encoding first would turn a secret holding '&' or '<' into text the mask no longer finds.
    public static string Text(string? text, Func<string, string> mask) => WebUtility.HtmlEncode(mask(text ?? ""));
}
