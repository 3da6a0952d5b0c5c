using Pipeline.Tests.Support;

namespace Pipeline.Tests.Processes;

/// <summary>What a command says about itself: its echo, its display text, the secrets only it knows.</summary>
public sealed class CommandSecretsSpecs
{
    private static readonly Parameter<string> RunToken = Parameter.Secret("A secret of the run");

    [Fact]
    public async Task A_display_text_replaces_the_command_line_in_the_log_and_in_the_failure()
    {
        ProcessFailedException? error = null;
        var script = new Script().Target<A>(action: async c =>
        {
            try
            {
                await c.RunAsync(new ToolCommand("sh").AddArguments("-c", "echo started; exit 3", "--key=k-1f0e9d").WithDisplayText("sh (a key on the command line)"));
            }
            catch (ProcessFailedException e)
            {
                error = e;
                throw;
            }
        });

        var run = await script.RunAsync("A");

        Assert.Contains("A │ > sh (a key on the command line)", run.Output);
        Assert.Contains("A │ started", run.Output);
        Assert.Equal("sh (a key on the command line)", error?.CommandLine);
        Assert.Contains("failed: Process exited with code 3: sh (a key on the command line)", run.SummaryRow("A"));
        Assert.DoesNotContain("k-1f0e9d", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_echo_the_command_line_is_not_logged_and_a_failure_names_only_the_executable()
    {
        ProcessFailedException? error = null;
        var script = new Script().Target<A>(action: async c =>
        {
            await c.RunAsync(new ToolCommand("sh").AddArguments("-c", "echo quiet-one").WithoutEcho());
            try
            {
                await c.RunAsync(new ToolCommand("sh").AddArguments("-c", "exit 4", "--key=k-77aa01").WithoutEcho());
            }
            catch (ProcessFailedException e)
            {
                error = e;
                throw;
            }
        });

        var run = await script.RunAsync("A");

        Assert.Contains("A │ quiet-one", run.Output);
        Assert.DoesNotContain("A │ >", run.Output, StringComparison.Ordinal);
        Assert.Equal(("sh", 4), (error?.CommandLine, error?.ExitCode));
        Assert.DoesNotContain("k-77aa01", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_s_own_secret_is_masked_in_its_output_its_command_line_and_its_failure()
    {
        const string password = "pw-only-the-command-knows-4e1d";
        ProcessFailedException? error = null;
        ProcessResult? result = null;
        var script = new Script().Target<A>(action: async c =>
        {
            // A tool that repeats what it was given: on standard output, standard error and in its error.
            var echoing = new ToolCommand("sh").AddArguments("-c", "read given; echo \"out $given\"; echo \"err $given\" >&2", "shell", password)
                .WithStandardInput(password + "\n").WithSecret(password);
            result = await c.RunAsync(echoing);
            try
            {
                await c.RunAsync(new ToolCommand("sh").AddArguments("-c", "read given; echo \"refused $given\" >&2; exit 1")
                    .WithStandardInput(password + "\n").WithSecret(password).WithQuietOutput());
            }
            catch (ProcessFailedException e)
            {
                error = e;
                throw;
            }
        });

        var run = await script.RunAsync("A");

        Assert.DoesNotContain(password, run.All, StringComparison.Ordinal);
        Assert.Contains("A │ out ***", run.Output);
        Assert.Contains("A │ err ***", run.Output);
        Assert.Contains("A │ > sh -c 'read given;", run.Output);
        Assert.Contains(">&2' shell ***", run.Output); // the command line is shown, its secret masked
        Assert.Equal(["refused ***"], error?.LastLines);
        Assert.DoesNotContain(password, error?.Message ?? password, StringComparison.Ordinal);
        Assert.Equal([$"out {password}"], result?.StandardOutput); // the result itself is the caller's, unmasked
    }

    [Fact]
    public async Task A_command_secret_and_a_run_secret_inside_it_are_masked_whole()
    {
        const string runSecret = "inner-7d2c";
        const string commandSecret = "outer-" + runSecret + "-9b31";
        var script = new Script().Parameters(RunToken).Target<A>(action: c =>
            c.RunAsync(new ToolCommand("sh").AddArguments("-c", $"echo \"[{commandSecret}]\"").WithoutEcho().WithSecret(commandSecret)));

        var run = await script.RunAsync(["A"], new Dictionary<string, string> { ["RUN_TOKEN"] = runSecret });

        Assert.Contains("A │ [***]", run.Output);
        Assert.DoesNotContain("-9b31", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("outer-", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_output_reaches_only_the_result_even_when_the_command_fails()
    {
        const string token = "tok-printed-by-the-cli-52aa";
        ProcessResult? result = null;
        ProcessFailedException? error = null;
        var script = new Script().Target<A>(action: async c =>
        {
            // The token comes from the environment, which is never logged, as a CLI's comes from its credentials.
            result = await c.RunAsync(new ToolCommand("sh").AddArguments("-c", "echo \"$TOKEN\"; echo 'a warning' >&2").WithEnvironment("TOKEN", token).WithSecretOutput());
            try
            {
                await c.RunAsync(new ToolCommand("sh").AddArguments("-c", "echo \"$TOKEN\"; echo 'expired' >&2; exit 2").WithEnvironment("TOKEN", token).WithSecretOutput());
            }
            catch (ProcessFailedException e)
            {
                error = e;
                throw;
            }
        });

        var run = await script.RunAsync("A");

        Assert.Equal([token], result?.StandardOutput);
        Assert.Equal(["a warning"], result?.StandardError);
        Assert.Contains("A │ a warning", run.Output);
        Assert.Equal(["expired"], error?.LastLines);
        Assert.DoesNotContain(token, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standard_error_is_kept_apart_in_the_result()
    {
        ProcessResult? result = null;
        var script = new Script().Target<A>(action: async c =>
            result = await c.RunAsync(new ToolCommand("sh").AddArguments("-c", "echo data; echo warning >&2").WithQuietOutput()));

        await script.RunAsync("A");

        Assert.Equal(["data"], result?.StandardOutput);
        Assert.Equal(["warning"], result?.StandardError);
    }
}
