using System.Globalization;

namespace Pipeline.Delivery;

/// <summary>What delivery adds to the run report: where a deployment went, and what the smoke scenario asked and got.</summary>
internal static class DeliveryReportSections
{
    // Readiness polls come first and can be many: the last exchanges are the ones that tell.
    private const int ListedExchanges = 30;

    public static ReportSection Deployed(Deployment request, DeploymentResult result, string driver) =>
        new ReportSection($"Deployment to {request.Environment}", result.Url is null ? result.Summary : $"{result.Summary}; answers at {result.Url}")
        {
            Tone = ReportTone.Good,
        }
        .WithTable(
            ["Application", "Image", "Driver", "Changed", "Address"],
            [[request.Application, request.Image.ToString(), driver, result.Changed ? "yes" : "no (already running)", result.Url?.ToString() ?? ""]]);

    /// <param name="failure">Null when the scenario passed.</param>
    public static ReportSection Smoke(Uri address, IReadOnlyList<HttpExchange> exchanges, SmokeFailedException? failure) =>
        new ReportSection(
            $"Smoke test of {address}",
            (failure is null ? $"scenario passed: {exchanges.Count} requests" : "scenario failed: " + failure.Message.Split('\n', 2)[0]) +
            (exchanges.Count > ListedExchanges ? $" (the last {ListedExchanges} listed)" : ""))
        {
            Tone = failure is null ? ReportTone.Good : ReportTone.Bad,
        }
        .WithTable(
            ["Request", "Response"],
            exchanges.TakeLast(ListedExchanges).Select(e => (IReadOnlyList<string>)[$"{e.Method} {e.Url.PathAndQuery}", Response(e)]));

    private static string Response(HttpExchange exchange) =>
        exchange.Error is { } error ? "no response: " + error
        : exchange.Status is { } status ? $"{((int)status).ToString(CultureInfo.InvariantCulture)} {status}"
        : "";
}
