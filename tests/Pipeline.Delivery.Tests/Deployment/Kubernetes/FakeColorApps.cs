namespace Pipeline.Delivery.Tests.Deployment.Kubernetes;

/// <summary>
/// The application behind <see cref="FakeKubernetesApi"/>'s Deployments, as HTTP on 127.0.0.1: one
/// address per colour (what the colour's own Service would answer) and a public one that answers as
/// whichever colour the application's Service selects right now, as an ingress in front of it would.
/// Each answers with <see cref="Answer"/> for the image the colour's Deployment runs.
/// </summary>
public sealed class FakeColorApps : IDisposable
{
    private readonly FakeKubernetesApi _api;
    private readonly string _namespace;
    private readonly string _application;
    private readonly FakeHttpServer _blue;
    private readonly FakeHttpServer _green;
    private readonly FakeHttpServer _public;

    public FakeColorApps(FakeKubernetesApi api, string ns, string application)
    {
        (_api, _namespace, _application) = (api, ns, application);
        _blue = new FakeHttpServer(r => AnswerAs("blue", r, viaPublic: false));
        _green = new FakeHttpServer(r => AnswerAs("green", r, viaPublic: false));
        _public = new FakeHttpServer(r => AnswerAs(ColorOfService(), r, viaPublic: true));
    }

    /// <summary>What the image answers a request with; by default 200 "ok" to everything.</summary>
    public Func<string, FakeRequest, bool, FakeResponse> Answer { get; set; } = (_, _, _) => new(200, "ok", "text/plain");

    public Uri PublicUrl => _public.BaseAddress;

    public Uri ColorUrl(DeploymentColor color) => color == DeploymentColor.Blue ? _blue.BaseAddress : _green.BaseAddress;

    /// <summary>The requests the public address received, with the colour that answered each.</summary>
    public IReadOnlyList<FakeRequest> PublicRequests => [.. _public.Requests];

    private string? ColorOfService() =>
        _api.Service(_namespace, _application)?.Spec.Selector is { } selector && selector.TryGetValue("color", out var color) ? color : null;

    private FakeResponse AnswerAs(string? color, FakeRequest request, bool viaPublic)
    {
        var deployment = color is null ? null : _api.Deployment(_namespace, $"{_application}-{color}");
        var image = deployment?.Spec.Template.Spec.Containers[0].Image;
        return image is null ? new FakeResponse(503, "no endpoints available for service", "text/plain") : Answer(image, request, viaPublic);
    }

    public void Dispose()
    {
        _blue.Dispose();
        _green.Dispose();
        _public.Dispose();
    }
}
