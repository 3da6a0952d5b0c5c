using System.Text;
using Accounts;

namespace Accounts.Tests;

public sealed class RedisProtocolSpecs
{
    [Fact]
    public void A_command_is_an_array_of_bulk_strings()
    {
        Assert.Equal("*2\r\n$3\r\nGET\r\n$9\r\nsession:1\r\n", Encoding.UTF8.GetString(RedisConnection.Encode(["GET", "session:1"])));
    }

    [Theory]
    [InlineData("+PONG\r\n", "PONG")]
    [InlineData("$5\r\na@b.c\r\n", "a@b.c")]
    [InlineData("$-1\r\n", null)]
    [InlineData(":1\r\n", "1")]
    [InlineData("*-1\r\n", null)]
    public async Task Replies_read_as_strings_and_nil_or_a_timed_out_pop_as_null(string reply, string? expected)
    {
        Assert.Equal(expected, await RedisConnection.ReadReplyAsync(new StringReader(reply), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_error_reply_throws()
    {
        await Assert.ThrowsAsync<IOException>(() => RedisConnection.ReadReplyAsync(new StringReader("-ERR wrong\r\n"), TestContext.Current.CancellationToken));
    }
}
