using Accounts;
using Npgsql;

namespace Accounts.Tests;

/// <summary>
/// Against a real PostgreSQL and Redis: DATABASE_URL and REDIS_URL come from the pipeline's Test target
/// (locally the containers it starts, in CI the job's services). Without them these skip, except
/// under CI=true, where a missing service is a broken build.
/// </summary>
public sealed class StoreSpecs
{
    [Fact]
    public async Task An_account_signs_up_once_logs_in_with_its_password_only_and_its_session_resolves()
    {
        await using var database = NpgsqlDataSource.Create(Variable("DATABASE_URL"));
        var accounts = new AccountStore(database);
        var sessions = new SessionStore(RedisConnection.Parse(Variable("REDIS_URL")), TimeSpan.FromMinutes(5));
        var cancellation = TestContext.Current.CancellationToken;
        var email = $"Spec-{Guid.NewGuid():N}@Example.com";
        await accounts.EnsureSchemaAsync(cancellation);

        Assert.True(await accounts.CreateAsync(email, "password-1", cancellation));
        Assert.False(await accounts.CreateAsync(email.ToUpperInvariant(), "password-2", cancellation));
        Assert.Null(await accounts.VerifyAsync(email, "password-2", cancellation));
        var verified = await accounts.VerifyAsync(email, "password-1", cancellation);
        var token = await sessions.StartAsync(verified!, cancellation);

        Assert.Equal(email.ToLowerInvariant(), await sessions.FindAsync(token, cancellation));
        Assert.Null(await sessions.FindAsync("unknown", cancellation));
    }

    [Fact]
    public async Task A_queued_welcome_is_taken_once_recorded_and_an_unfinished_one_is_put_back()
    {
        await using var database = NpgsqlDataSource.Create(Variable("DATABASE_URL"));
        var accounts = new AccountStore(database);
        var queue = new WelcomeQueue(RedisConnection.Parse(Variable("REDIS_URL")));
        var cancellation = TestContext.Current.CancellationToken;
        var email = $"welcome-{Guid.NewGuid():N}@example.com";
        await accounts.EnsureSchemaAsync(cancellation);
        await accounts.CreateAsync(email, "password-1", cancellation);
        await queue.EnqueueAsync(email, cancellation);

        // Taken and never finished (an executor that died): the next executor's start puts it back.
        Assert.Equal(email, await queue.TakeAsync(TimeSpan.FromSeconds(1), cancellation));
        Assert.Null(await queue.TakeAsync(TimeSpan.FromSeconds(1), cancellation));
        Assert.Equal(1, await queue.RequeueUnfinishedAsync(cancellation));
        Assert.Null(await accounts.WelcomedAtAsync(email, cancellation));

        Assert.Equal(email, await queue.TakeAsync(TimeSpan.FromSeconds(1), cancellation));
        await accounts.RecordWelcomeAsync(email, cancellation);
        await accounts.RecordWelcomeAsync(email, cancellation); // a job run twice records one welcome
        await queue.CompleteAsync(email, cancellation);

        Assert.NotNull(await accounts.WelcomedAtAsync(email, cancellation));
        Assert.Equal(0, await queue.RequeueUnfinishedAsync(cancellation));
    }

    private static string Variable(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(value))
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("CI") != "true", $"{name} is not set: run through ./build.sh Test");
            Assert.Fail($"{name} is not set under CI=true");
        }

        return value!;
    }
}
