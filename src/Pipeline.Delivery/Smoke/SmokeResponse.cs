using System.Net;
using System.Text.Json;

namespace Pipeline.Delivery;

/// <summary>A response a smoke step checks: <c>await client.GetAsync("/me").Expect(HttpStatusCode.OK)</c>.</summary>
public sealed class SmokeResponse(HttpExchange exchange)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public HttpExchange Exchange { get; } = exchange;

    public HttpStatusCode Status => Exchange.Status!.Value;

    public string Body => Exchange.ResponseBody ?? "";

    /// <summary>Fails the step unless the status is <paramref name="expected"/>.</summary>
    public SmokeResponse Expect(HttpStatusCode expected) =>
        Status == expected
            ? this
            : throw new SmokeFailedException(
                $"{Exchange.Method} {Exchange.Url.PathAndQuery} answered {(int)Status} {Status}, expected {(int)expected} {expected}.", Exchange);

    /// <summary>The body as <typeparamref name="T"/> (web JSON conventions); fails the step when it is not.</summary>
    public T Json<T>()
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Body, Web)
                ?? throw new SmokeFailedException($"{Exchange.Method} {Exchange.Url.PathAndQuery} answered null, expected a {typeof(T).Name}.", Exchange);
        }
        catch (JsonException e)
        {
            throw new SmokeFailedException($"{Exchange.Method} {Exchange.Url.PathAndQuery} did not answer a {typeof(T).Name}: {e.Message}", Exchange);
        }
    }

    /// <summary>Fails the step unless <paramref name="check"/> holds for the parsed body.</summary>
    public T Expect<T>(Func<T, bool> check, string what)
    {
        var body = Json<T>();
        return check(body)
            ? body
            : throw new SmokeFailedException($"{Exchange.Method} {Exchange.Url.PathAndQuery}: expected {what}.", Exchange);
    }
}
