using System.Net.Sockets;
using System.Text;
using Pipeline.Components.Services;

namespace Pipeline.Components.Tests.Services;

/// <summary>The standard Redis declaration: started by Testcontainers (from $PIPELINE_REDIS_IMAGE here), reached through REDIS_URL, removed after.</summary>
public sealed class RedisServiceSpecs
{
    [Fact]
    public void It_declares_the_public_image_its_port_a_health_check_and_REDIS_URL()
    {
        var redis = StandardServices.Redis();

        Assert.Equal("redis", redis.Name);
        Assert.Equal(ServiceImages.Redis, redis.Image);
        Assert.Equal([6379], redis.Ports);
        Assert.Contains("redis-cli", redis.HealthCheck!.Command, StringComparison.Ordinal);
        Assert.Equal(["REDIS_URL"], redis.Variables.Select(v => v.Name));
    }

    [Fact]
    public async Task Redis_starts_answers_PING_through_REDIS_URL_and_is_removed()
    {
        Requirements.Docker();
        var run = Guid.NewGuid().ToString("N");
        var root = Directory.CreateTempSubdirectory("pipeline-redis-");
        Directory.CreateDirectory(Path.Combine(root.FullName, ".nuke"));
        try
        {
            string? url = null;
            string? answer = null;
            var output = new StringWriter();
            var environment = new PipelineEnvironment(new AbsolutePath(root.FullName), Docker.LocalVariables(), output, output, 2, UseColor: false);

            var exitCode = await new PipelineBuilder()
                .Add<UsesRedis>()
                .Provide(new UsesRedis.Action(async c =>
                {
                    url = c.Environment["REDIS_URL"];
                    answer = await PingAsync(url, c.Cancellation);
                }))
                .UseTestcontainers(new Dictionary<string, string> { [Docker.TestLabel] = run })
                .RunAsync(["UsesRedis"], environment, TestContext.Current.CancellationToken);

            Assert.True(exitCode == 0, output.ToString());
            Assert.Equal("+PONG", answer);
            Assert.StartsWith("127.0.0.1:", url, StringComparison.Ordinal);
            Assert.Empty(Docker.ContainersLabelled(run));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static async Task<string> PingAsync(string url, CancellationToken cancellation)
    {
        var (host, port) = (url[..url.LastIndexOf(':')], int.Parse(url[(url.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, cancellation);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellation);
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, cancellation);
        return Encoding.ASCII.GetString(buffer, 0, read).TrimEnd();
    }

    public sealed class UsesRedis(UsesRedis.Action action) : Target
    {
        protected override void Configure(TargetSpec target) => target.Service(StandardServices.Redis());

        protected override Task RunAsync(TargetContext context) => action.Run(context);

        public sealed record Action(Func<TargetContext, Task> Run);
    }
}
