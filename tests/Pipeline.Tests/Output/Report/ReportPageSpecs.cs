using Pipeline.Output.Report;
using Pipeline.Tests.Parameters;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Output.Report;

public sealed class ReportPageSpecs
{
    private const string Secret = "hunter2-s3cr3t";

    [Fact]
    public void Text_is_masked_first_then_encoded()
    {
        var html = Html.Text("<b>token=hunter2-s3cr3t & \"quoted\"</b>", text => text.Replace(Secret, "***", StringComparison.Ordinal));

        Assert.Equal("&lt;b&gt;token=*** &amp; &quot;quoted&quot;&lt;/b&gt;", html);
    }

    [Fact]
    public async Task The_report_of_a_run_masks_secrets_and_encodes_every_value_a_target_gave_it()
    {
        using var root = new TempRoot();
        var script = new Script()
            .Parameters(Params.RegistryPassword)
            .Target<A>(action: c =>
            {
                c.Report(new ReportSection("<i>Findings</i>", "login with " + c.Get(Params.RegistryPassword))
                    .WithTable(["Name", "Message"], [["<script>alert(1)</script>", "password " + c.Get(Params.RegistryPassword)]]));
                return Task.CompletedTask;
            })
            .Target<B>(action: c => throw new TargetFailedException("login failed for " + c.Get(Params.RegistryPassword) + " <at> registry"));

        var run = await script.RunAsync(["A", "B"], new Dictionary<string, string> { ["REGISTRY_PASSWORD"] = Secret }, root);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        var html = root.Read("artifacts/report/index.html");
        Assert.DoesNotContain(Secret, html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<i>Findings", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("login failed for *** &lt;at&gt; registry", html);
        Assert.Contains("password ***", html);
        Assert.Contains("&lt;i&gt;Findings&lt;/i&gt;", html);
    }

    [Fact]
    public async Task No_report_leaves_the_run_without_one()
    {
        using var root = new TempRoot();

        var run = await new Script().Target<A>().RunAsync(["A", "--no-report"], new Dictionary<string, string>(), root);

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(root.Path / "artifacts" / "report" / "index.html"));
    }

    [Fact]
    public async Task A_failed_run_still_writes_its_report_with_each_target_and_its_status()
    {
        using var root = new TempRoot();
        var script = new Script()
            .Target<A>(action: _ => throw new TargetFailedException("compiler said no"))
            .Target<B>(t => t.DependsOn<A>())
            .Target<C>();

        var run = await script.RunAsync(["B", "C"], new Dictionary<string, string>(), root);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        var html = root.Read("artifacts/report/index.html");
        Assert.Contains("compiler said no", html);
        Assert.Contains("dependency A failed", html);
        Assert.Contains("data-target=\"C\" data-status=\"succeeded\"", html);
        Assert.Contains("data-target=\"A\" data-status=\"failed\"", html);
        Assert.Contains("data-target=\"B\" data-status=\"skipped\"", html);
        Assert.Contains("artifacts/report/index.html", run.Output);
    }

    [Fact]
    public async Task Each_cell_of_a_matrix_target_has_its_own_row_with_its_own_status_and_time()
    {
        using var root = new TempRoot();
        var script = new Script().Target<A>(t => t.Matrix(MatrixAxis.Of("service", "auth", "users"), maxParallel: 1, failFast: false), async c =>
        {
            await Task.Delay(50, c.Cancellation);
            if (c.Matrix!["service"] == "users")
            {
                throw new TargetFailedException("users broke");
            }
        });

        await script.RunAsync(["A"], new Dictionary<string, string>(), root);

        var html = root.Read("artifacts/report/index.html");
        var auth = Row(html, "service=auth");
        var users = Row(html, "service=users");
        Assert.Contains("A [service=auth]", auth, StringComparison.Ordinal);
        Assert.Contains("bar succeeded", auth, StringComparison.Ordinal);
        Assert.Contains("bar failed", users, StringComparison.Ordinal);
        Assert.True(Ms(users, "data-start-ms") >= Ms(auth, "data-end-ms"), "with one slot, users runs after auth");
    }

    private static string Row(string html, string cell) =>
        html.Split('\n').Single(line => line.Contains($"data-cell=\"{cell}\"", StringComparison.Ordinal));

    private static long Ms(string row, string attribute)
    {
        var start = row.IndexOf(attribute + "=\"", StringComparison.Ordinal) + attribute.Length + 2;
        return long.Parse(row[start..row.IndexOf('"', start)], System.Globalization.CultureInfo.InvariantCulture);
    }
}
