using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Accounts;

/// <summary>
/// Just enough of Redis's protocol (RESP2) for sessions and the welcome queue: one command per
/// connection, arguments as bulk strings, the reply as a string (null for a nil, or for a blocking
/// pop that timed out). Keeps the service free of a client library.
/// </summary>
public sealed class RedisConnection(string host, int port)
{
    /// <summary>From <c>host:port</c>, what REDIS_URL holds.</summary>
    public static RedisConnection Parse(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var colon = address.LastIndexOf(':');
        return colon < 0
            ? new RedisConnection(address, 6379)
            : new RedisConnection(address[..colon], int.Parse(address[(colon + 1)..], CultureInfo.InvariantCulture));
    }

    public async Task<string?> SendAsync(IReadOnlyList<string> command, CancellationToken cancellation = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, cancellation).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync(Encode(command), cancellation).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await ReadReplyAsync(reader, cancellation).ConfigureAwait(false);
    }

    public static byte[] Encode(IReadOnlyList<string> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{command.Count}\r\n");
        foreach (var argument in command)
        {
            text.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(argument)}\r\n{argument}\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static async Task<string?> ReadReplyAsync(TextReader reader, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = await reader.ReadLineAsync(cancellation).ConfigureAwait(false) ?? throw new IOException("Redis closed the connection");
        switch (line[0])
        {
            case '+' or ':':
                return line[1..];
            case '-':
                throw new IOException("Redis: " + line[1..]);
            case '$' when line == "$-1":
                return null;
            case '*' when line == "*-1":
                return null; // a blocking pop that timed out
            case '$':
                var length = int.Parse(line[1..], CultureInfo.InvariantCulture);
                var buffer = new char[length + 2]; // ASCII tokens and emails: characters are bytes here
                await reader.ReadBlockAsync(buffer, cancellation).ConfigureAwait(false);
                return new string(buffer, 0, length);
            default:
                throw new IOException("Redis: unexpected reply " + line);
        }
    }
}
