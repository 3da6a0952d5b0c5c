using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Pipeline.Delivery.KubernetesSecrets;

/// <summary>What the API server's refusal means for a Secret, in one line from the Status object it answers with.</summary>
internal static class KubernetesSecretError
{
    public static string Describe(HttpOperationException error, string ns, string name, KubernetesConnection connection)
    {
        var status = StatusOf(error.Response.Content);
        var code = (int)error.Response.StatusCode;
        if (error.Response.StatusCode == HttpStatusCode.NotFound && status?.Details?.Kind == "namespaces")
        {
            return $"Namespace {ns} does not exist in the cluster ({connection}): create it (kubectl create namespace {ns}), then secret {name} can be set up in it.";
        }

        var reason = status?.Reason ?? error.Response.ReasonPhrase ?? error.Response.StatusCode.ToString();
        var message = status?.Message is { Length: > 0 } text ? ": " + OneLine(text) : "";
        return $"Could not set up secret {name} in namespace {ns}: the API server ({connection}) answered {code} {reason}{message}";
    }

    private static V1Status? StatusOf(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            var status = KubernetesJson.Deserialize<V1Status>(content);
            return status?.Kind == "Status" ? status : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // not the API server's answer (a proxy's page): the status code says enough
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
