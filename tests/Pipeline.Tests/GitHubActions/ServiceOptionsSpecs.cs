using System.Text;
using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>
/// A service's health check is written in its <c>options:</c>, which the runner appends to
/// <c>docker create</c>'s argument string; .NET splits that string with the Windows rules
/// (backslashes are literal unless a quote follows them). The command must stay one argument.
/// </summary>
public sealed class ServiceOptionsSpecs
{
    [Theory]
    [InlineData(@"pg_isready -h 127.0.0.1 -U app")]
    [InlineData(@"test -f /ready \")]
    [InlineData(@"sh -c ""echo \""ok\"" && exit 0""")]
    [InlineData(@"dir C:\data\\")]
    public void The_health_command_stays_one_argument_and_the_flags_after_it_stay_flags(string command)
    {
        var service = new ServiceContainer("db", "postgres:16").WithHealthCheck(command, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3), 7);
        var workflow = InlineWorkflow.Plan(new Script().Target<A>(t => t.Service(service)), w => w.Job<A>());

        var options = WorkflowRenderer.Render(workflow).Split('\n').Single(l => l.TrimStart().StartsWith("options:", StringComparison.Ordinal))
            .Split("options: ", 2)[1];

        Assert.Equal(["--health-cmd", command, "--health-interval", "5s", "--health-timeout", "3s", "--health-retries", "7"], Split(options));
    }

    [Fact]
    public void A_command_without_backslashes_is_written_as_before()
    {
        var service = new ServiceContainer("db", "postgres:16").WithHealthCheck("pg_isready -U \"app\"", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), 10);
        var workflow = InlineWorkflow.Plan(new Script().Target<A>(t => t.Service(service)), w => w.Job<A>());

        Assert.Contains("options: --health-cmd \"pg_isready -U \\\"app\\\"\" --health-interval 5s --health-timeout 5s --health-retries 10\n", WorkflowRenderer.Render(workflow), StringComparison.Ordinal);
    }

    /// <summary>.NET's split of a process argument string (as the runner's docker create gets it), without YAML quoting.</summary>
    private static List<string> Split(string text)
    {
        if (!text.StartsWith("--", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("a quoted YAML scalar: " + text);
        }

        var args = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                var run = 0;
                while (i < text.Length && text[i] == '\\')
                {
                    run++;
                    i++;
                }

                if (i < text.Length && text[i] == '"')
                {
                    current.Append('\\', run / 2);
                    if (run % 2 == 1)
                    {
                        current.Append('"');
                    }
                    else
                    {
                        quoted = !quoted;
                    }
                }
                else
                {
                    current.Append('\\', run);
                    i--;
                }

                any = true;
            }
            else if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    args.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (any)
        {
            args.Add(current.ToString());
        }

        return args;
    }
}
