using Pipeline.Output;
using Pipeline.Tests.Parameters;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Output;

public sealed class SecretSpecs
{
    private const string Secret = "hunter2-s3cr3t";

    private static Script Leaky() => new Script()
        .Parameters(Params.RegistryPassword)
        .Target<A>(action: c =>
        {
            c.Log.Info("password is " + c.Get(Params.RegistryPassword));
            c.Log.Warning("warning with " + c.Get(Params.RegistryPassword));
            return Task.CompletedTask;
        })
        .Target<B>(action: c => c.RunAsync("sh", "-c", $"echo got {c.Get(Params.RegistryPassword)}; exit 3", "--password", c.Get(Params.RegistryPassword)))
        .Target<C>(action: c => throw new InvalidOperationException("login failed for " + c.Get(Params.RegistryPassword)));

    [Fact]
    public async Task A_secret_value_is_absent_from_everything_written_locally()
    {
        var run = await Leaky().RunAsync(["A", "B", "C"], new Dictionary<string, string> { ["REGISTRY_PASSWORD"] = Secret });

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("password is ***", run.Output);               // the log line was written, masked
        Assert.Contains("got ***", run.Output);                       // process output
        Assert.Contains("--password ***", run.Output);                // the failed command line
        Assert.Contains("failed: login failed for ***", run.Output);  // the summary
        Assert.DoesNotContain(Secret, run.All);
    }

    [Fact]
    public async Task Under_GitHub_Actions_the_secret_is_registered_with_add_mask_and_nowhere_else()
    {
        using var root = new TempRoot();
        var summary = root.Path / "summary.md";
        var variables = new Dictionary<string, string>
        {
            ["REGISTRY_PASSWORD"] = Secret,
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_STEP_SUMMARY"] = summary,
        };

        var run = await Leaky().RunAsync(["A", "B", "C"], variables, root);

        var lines = run.All.Split('\n').Where(l => l.Contains(Secret, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"::add-mask::{Secret}"], lines);
        Assert.DoesNotContain(Secret, File.ReadAllText(summary));
    }

    [Theory]
    [InlineData("hunter%2-s3cr3t")]
    [InlineData("50%off,a:b%0Aend")]
    public async Task Under_GitHub_Actions_a_secret_with_escape_characters_is_masked_before_it_is_escaped(string secret)
    {
        using var root = new TempRoot();
        var variables = new Dictionary<string, string> { ["REGISTRY_PASSWORD"] = secret, ["GITHUB_ACTIONS"] = "true" };
        var script = Leaky().Target<D>(action: c =>
        {
            c.Log.Annotate(LogLevel.Error, new SourceLocation("src/" + c.Get(Params.RegistryPassword) + ".cs", 3), "bad " + c.Get(Params.RegistryPassword));
            return Task.CompletedTask;
        });

        var run = await script.RunAsync(["A", "C", "D"], variables, root);

        // The runner decodes %25 → %, %0A → newline, %3A → ':' and %2C → ','; what it would show is checked.
        var shown = run.All.Split('\n')
            .Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal))
            .Select(l => l.Replace("%0A", "\n", StringComparison.Ordinal).Replace("%3A", ":", StringComparison.Ordinal)
                .Replace("%2C", ",", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal));
        Assert.DoesNotContain(shown, l => l.Contains(secret, StringComparison.Ordinal));
        Assert.Contains(run.All.Split('\n'), l => l.StartsWith("::warning title=A::warning with ***", StringComparison.Ordinal));
        Assert.Contains(run.All.Split('\n'), l => l.StartsWith("::error file=src/***.cs,line=3::bad ***", StringComparison.Ordinal));
        var registered = run.All.Split('\n').Single(l => l.StartsWith("::add-mask::", StringComparison.Ordinal))["::add-mask::".Length..];
        Assert.Equal(secret, registered.Replace("%0A", "\n", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_multi_line_secret_is_registered_line_by_line_because_the_runner_masks_per_line()
    {
        using var root = new TempRoot();
        const string key = "-----BEGIN KEY-----\nline-one-of-key\r\nline-two-of-key\n\n-----END KEY-----";
        var variables = new Dictionary<string, string> { ["REGISTRY_PASSWORD"] = key, ["GITHUB_ACTIONS"] = "true" };

        var run = await Leaky().RunAsync(["A"], variables, root);

        var masks = run.All.Split('\n').Where(l => l.StartsWith("::add-mask::", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["::add-mask::-----BEGIN KEY-----", "::add-mask::-----END KEY-----", "::add-mask::line-one-of-key", "::add-mask::line-two-of-key"],
            masks);
    }

    [Fact]
    public void Each_line_of_a_multi_line_secret_is_masked_where_it_is_printed_alone()
    {
        var masker = new SecretMasker();
        masker.Register("apiVersion: v1\ntoken: abcdef123456\n");

        Assert.Equal("  ***", masker.Mask("  token: abcdef123456"));
        Assert.Equal("ok", masker.Mask("ok"));
    }

    [Fact]
    public async Task A_three_character_line_of_a_secret_is_masked_and_registered_and_a_shorter_one_is_warned_about()
    {
        const string json = "{\n  \"k\": \"value-of-the-key\",\nZq9\nx2\n}";
        var variables = new Dictionary<string, string> { ["REGISTRY_PASSWORD"] = json, ["GITHUB_ACTIONS"] = "true" };
        var script = new Script().Parameters(Params.RegistryPassword).Target<A>(action: c =>
        {
            c.Log.Info("Zq9");
            return Task.CompletedTask;
        });

        var run = await script.RunAsync(["A"], variables);

        Assert.Contains("::add-mask::Zq9", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Output.Split('\n'), l => l.Trim() == "Zq9");
        Assert.Contains("warning: the secret --registry-password has 1 line shorter than 3 characters, which is not masked when printed alone.", run.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public async Task What_a_target_writes_to_the_console_itself_is_masked_and_attributed_to_it()
    {
        var script = new Script().Parameters(Params.RegistryPassword)
            .Target<A>(action: async c =>
            {
                await Task.Yield();
                Console.WriteLine("A prints token " + c.Get(Params.RegistryPassword));
                Console.Error.WriteLine("A complains about " + c.Get(Params.RegistryPassword));
                Console.Write("half a ");
                Console.Write("line");
            })
            .Target<B>(action: c =>
            {
                Console.Out.WriteLine("B prints alone");
                return Task.CompletedTask;
            });

        var run = await script.RunAsync(["A", "B"], new Dictionary<string, string> { ["REGISTRY_PASSWORD"] = Secret });

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("A ", StringComparison.Ordinal) && l.EndsWith("A prints token ***", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("A ", StringComparison.Ordinal) && l.EndsWith("A complains about ***", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("A ", StringComparison.Ordinal) && l.EndsWith("half a line", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("B ", StringComparison.Ordinal) && l.EndsWith("B prints alone", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_for_a_secret_is_not_echoed_in_the_error()
    {
        var secretNumber = Parameter.Create<int>("A numeric secret-ish value", "PinCode") with { IsSecret = true };
        var script = new Script().Parameters(secretNumber).Target<A>();

        var run = await script.RunAsync(["A", "--pin-code", "not-a-number-" + Secret], new Dictionary<string, string>());

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Invalid value *** for PinCode", run.Error);
        Assert.DoesNotContain(Secret, run.All);
    }
}
