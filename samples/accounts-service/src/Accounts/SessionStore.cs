using System.Globalization;
using System.Security.Cryptography;

namespace Accounts;

/// <summary>Session tokens in Redis (<c>session:&lt;token&gt;</c> → email), expiring on their own.</summary>
public sealed class SessionStore(RedisConnection redis, TimeSpan lifetime)
{
    public async Task<string> StartAsync(string email, CancellationToken cancellation = default)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await redis.SendAsync(["SET", Key(token), email, "EX", ((int)lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture)], cancellation).ConfigureAwait(false);
        return token;
    }

    /// <summary>The session's email, or null when the token is unknown or expired.</summary>
    public Task<string?> FindAsync(string token, CancellationToken cancellation = default) =>
        redis.SendAsync(["GET", Key(token)], cancellation);

    public async Task<bool> PingAsync(CancellationToken cancellation = default) =>
        await redis.SendAsync(["PING"], cancellation).ConfigureAwait(false) == "PONG";

    private static string Key(string token) => "session:" + token;
}
