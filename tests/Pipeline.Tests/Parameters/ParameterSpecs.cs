using Pipeline.Tests.Support;

namespace Pipeline.Tests.Parameters;

public enum Flavor
{
    Debug,
    Release,
}

public static class Params
{
    public static readonly Parameter<Flavor> Configuration = Parameter.Create("Build configuration", Flavor.Debug);
    public static readonly Parameter<int> Port = Parameter.Create("Port to listen on", 8080);
    public static readonly Parameter<bool> Push = Parameter.Create("Push images", false);
    public static readonly Parameter<string[]> Tags = Parameter.Create<string[]>("Image tags");
    public static readonly Parameter<AbsolutePath> Output = Parameter.Create<AbsolutePath>("Output folder");
    public static readonly Parameter<double> Threshold = Parameter.Create("Coverage threshold", 50.0);
    public static readonly Parameter<string> Version = Parameter.Create<string>("Version to stamp");
    public static readonly Parameter<string> RegistryPassword = Parameter.Secret("Registry password");
}

public sealed class ParameterSpecs
{
    private static readonly Dictionary<string, string> NoVariables = [];

    private static async Task<(RunOutcome Run, Dictionary<string, object?> Seen)> ReadAsync(
        string[] args, Dictionary<string, string>? variables = null, TempRoot? root = null)
    {
        var seen = new Dictionary<string, object?>();
        var script = new Script()
            .Parameters(Params.Configuration, Params.Port, Params.Push, Params.Tags, Params.Output, Params.Threshold, Params.Version)
            .Target<A>(action: c =>
            {
                seen["Configuration"] = c.Get(Params.Configuration);
                seen["Port"] = c.Get(Params.Port);
                seen["Push"] = c.Get(Params.Push);
                seen["Tags"] = c.Parameters.TryGet(Params.Tags, out var tags) ? string.Join(",", tags) : null;
                seen["Output"] = c.Parameters.TryGet(Params.Output, out var output) ? output.Value : null;
                seen["Threshold"] = c.Get(Params.Threshold);
                seen["Version"] = c.Parameters.TryGet(Params.Version, out var version) ? version : null;
                return Task.CompletedTask;
            });
        var run = await script.RunAsync(["A", .. args], variables ?? NoVariables, root);
        return (run, seen);
    }

    [Fact]
    public void Names_derive_from_the_declared_field()
    {
        IParameter parameter = Params.RegistryPassword;

        Assert.Equal("RegistryPassword", parameter.Name);
        Assert.Equal("--registry-password", parameter.OptionName);
        Assert.Equal("REGISTRY_PASSWORD", parameter.EnvironmentName);
    }

    [Theory]
    [InlineData("NuGetApiKey", "--nuget-api-key", "NUGET_API_KEY")]
    [InlineData("GitHubToken", "--github-token", "GITHUB_TOKEN")]
    [InlineData("MyGitLabURLPrefix", "--my-gitlab-url-prefix", "MY_GITLAB_URL_PREFIX")]
    public void Names_split_on_known_words_not_on_every_capital(string name, string option, string variable)
    {
        IParameter parameter = Parameter.Create<string>("a known word inside", name);

        Assert.Equal(option, parameter.OptionName);
        Assert.Equal(variable, parameter.EnvironmentName);
    }

    [Fact]
    public async Task A_value_that_starts_with_a_dash_is_the_value_of_the_option_before_it()
    {
        var (run, seen) = await ReadAsync(["--version", "-rc.1", "--tags", "-a", "b", "-c", "--port", "-1"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("-rc.1", seen["Version"]);
        Assert.Equal("-a,b,-c", seen["Tags"]);
        Assert.Equal(-1, seen["Port"]);
    }

    [Fact]
    public async Task A_secret_that_starts_with_a_dash_is_accepted_and_never_printed()
    {
        const string secret = "-Xq7-leading-dash-secret";
        var script = new Script().Parameters(Params.RegistryPassword).Target<A>(action: c =>
        {
            c.Log.Info("got " + c.Get(Params.RegistryPassword));
            return Task.CompletedTask;
        });

        var accepted = await script.RunAsync(["A", "--registry-password", secret], NoVariables);
        var mistyped = await script.RunAsync(["A", "--registry-pasword", secret], NoVariables);

        Assert.Equal(ExitCodes.Success, accepted.ExitCode);
        Assert.Contains("got ***", accepted.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, mistyped.ExitCode);
        Assert.Contains("Unknown option '--registry-pasword'", mistyped.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, accepted.All + mistyped.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_that_belongs_to_no_option_is_refused_without_repeating_it()
    {
        var (run, _) = await ReadAsync(["--version", "1.0", "secret-part-two"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("A word after --version belongs to no option", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-part-two", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_value_is_unset_on_the_command_line_as_in_the_environment()
    {
        var required = Parameter.Create<string>("Required name", "ReleaseName");
        var script = new Script().Parameters(required).Target<A>(t => t.Requires(required));

        var fromCommandLine = await script.RunAsync(["A", "--release-name", ""], NoVariables);
        var fromEnvironment = await script.RunAsync(["A"], new Dictionary<string, string> { ["RELEASE_NAME"] = "" });

        Assert.Equal(ExitCodes.Usage, fromCommandLine.ExitCode);
        Assert.Equal(ExitCodes.Usage, fromEnvironment.ExitCode);
        Assert.Contains("Missing required parameter", fromCommandLine.Error, StringComparison.Ordinal);
        Assert.Contains("Missing required parameter", fromEnvironment.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defaults_apply_when_no_source_gives_a_value()
    {
        var (run, seen) = await ReadAsync([]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Flavor.Debug, seen["Configuration"]);
        Assert.Equal(8080, seen["Port"]);
        Assert.Null(seen["Version"]);
    }

    [Fact]
    public async Task Values_convert_to_their_declared_types()
    {
        using var root = new TempRoot();
        var (run, seen) = await ReadAsync(
            ["--configuration", "release", "--port", "9090", "--push", "--tags", "a", "b", "--output", "out/x", "--threshold", "85.5"], root: root);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Flavor.Release, seen["Configuration"]);
        Assert.Equal(9090, seen["Port"]);
        Assert.Equal(true, seen["Push"]);
        Assert.Equal("a,b", seen["Tags"]);
        Assert.Equal((root.Path / "out" / "x").Value, seen["Output"]);
        Assert.Equal(85.5, seen["Threshold"]);
    }

    [Fact]
    public async Task Command_line_beats_environment_beats_profile_beats_parameters_json()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json", "Port": 1, "Version": "from-file", "Tags": ["f"], "Threshold": 10 }""");
        root.Write(".nuke/parameters.ci.json", """{ "Port": 2, "Version": "from-profile", "Tags": ["p"] }""");
        var environment = new Dictionary<string, string> { ["PORT"] = "3", ["VERSION"] = "from-env" };

        var (run, seen) = await ReadAsync(["--port", "4", "--profile", "ci"], environment, root);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, seen["Port"]);              // command line
        Assert.Equal("from-env", seen["Version"]);  // environment
        Assert.Equal("p", seen["Tags"]);            // profile
        Assert.Equal(10.0, seen["Threshold"]);      // parameters.json
    }

    [Fact]
    public async Task Arrays_come_from_the_environment_comma_separated()
    {
        var (_, seen) = await ReadAsync([], new Dictionary<string, string> { ["TAGS"] = "sha-1, latest" });

        Assert.Equal("sha-1,latest", seen["Tags"]);
    }

    [Fact]
    public async Task An_unknown_option_fails_with_did_you_mean_and_runs_nothing()
    {
        var (run, seen) = await ReadAsync(["--configuation", "Release"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Unknown option '--configuation'. Did you mean `--configuration`?", run.Error);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task A_bad_value_names_the_parameter_the_value_and_the_expected_type()
    {
        var (run, seen) = await ReadAsync(["--port", "eighty"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Invalid value 'eighty' for Port (--port) from the command line: expected a whole number (Int32).", run.Error);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task A_bad_enum_value_lists_the_allowed_names()
    {
        var (run, _) = await ReadAsync([], new Dictionary<string, string> { ["CONFIGURATION"] = "Fast" });

        Assert.Contains("Invalid value 'Fast' for Configuration (--configuration) from environment variable CONFIGURATION: expected one of Debug, Release.", run.Error);
    }

    [Theory]
    [InlineData("{\n  \"Port\": 1\n}\ntrailing", ".nuke/parameters.json:4: malformed JSON: 't' is invalid after a single JSON value.")]
    [InlineData("{\n  \"Port\": 1\n}\n{ \"Port\": 2 }\n", ".nuke/parameters.json:4: malformed JSON: '{' is invalid after a single JSON value.")]
    [InlineData("{\n  \"Port\": 1,\n  \"Version\": \"x\",\n  \"port\": 2\n}\n", ".nuke/parameters.json:4: 'port' is given twice (first on line 2); keep one.")]
    public async Task A_parameters_file_is_strict_json_with_one_object_and_each_key_once(string content, string error)
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", content);

        var (run, seen) = await ReadAsync([], root: root);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: " + error, run.Error.Trim(), StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Empty(seen);
    }

    [Fact]
    public async Task A_parameters_file_saved_with_a_byte_order_mark_is_read()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", "\uFEFF{\n  \"Port\": 7\n}\n");

        var (run, seen) = await ReadAsync([], root: root);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(7, seen["Port"]);
    }

    [Fact]
    public async Task A_malformed_parameters_file_names_the_file_and_line()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", "{\n  \"Port\": 1,\n  \"Version\": \"x\"\n  \"Tags\": []\n}\n");

        var (run, seen) = await ReadAsync([], root: root);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(".nuke/parameters.json:4: malformed JSON", run.Error);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task A_wrongly_typed_value_in_a_file_names_the_file_and_line()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", "{\n  \"Version\": \"1.0\",\n  \"Port\": \"high\"\n}\n");

        var (run, _) = await ReadAsync([], root: root);

        Assert.Contains("Invalid value \"high\" for Port (--port) from .nuke/parameters.json:3: expected a whole number (Int32).", run.Error);
    }

    [Fact]
    public async Task An_unknown_key_in_a_file_names_the_file_and_line()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", "{\n  \"Prot\": 1\n}\n");

        var (run, _) = await ReadAsync([], root: root);

        Assert.Contains(".nuke/parameters.json:2: unknown parameter 'Prot'. Did you mean `Port`?", run.Error);
    }

    [Fact]
    public async Task A_missing_profile_file_fails_and_names_the_profiles_there_are()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.staging.json", "{}");

        var (run, _) = await ReadAsync(["--profile", "stagign"], root: root);

        Assert.Contains("Profile 'stagign' has no file .nuke/parameters.stagign.json. Did you mean `staging`?", run.Error);
    }

    [Fact]
    public async Task A_required_parameter_that_is_missing_fails_before_any_target_runs()
    {
        var script = new Script()
            .Target<A>()
            .Target<B>(t => t.DependsOn<A>().Requires(Params.Version));

        var run = await script.RunAsync("B");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--version (or $VERSION): Version to stamp — needed by B", run.Error);
        Assert.Empty(run.Events); // not even A ran
    }

    [Fact]
    public async Task A_requirement_of_a_skipped_target_does_not_count()
    {
        var script = new Script().Target<A>().Target<B>(t => t.DependsOn<A>().Requires(Params.Version));

        var run = await script.RunAsync("B", "--skip", "B");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task A_globally_required_parameter_is_needed_by_every_run_but_not_by_help_or_plan()
    {
        var script = new Script().Parameters(Params.Version.AsRequired()).Target<A>();

        Assert.Equal(ExitCodes.Usage, (await script.RunAsync("A")).ExitCode);
        Assert.Equal(0, (await script.RunAsync("A", "--version", "1.2.3")).ExitCode);
        Assert.Equal(0, (await script.RunAsync("--help")).ExitCode);
    }

    [Fact]
    public void Two_different_parameters_with_one_name_are_a_definition_error()
    {
        var other = Parameter.Create<int>("Another port", "Port");
        var script = new Script().Parameters(Params.Port, other).Target<A>();
        using var root = new TempRoot();
        var environment = new PipelineEnvironment(root.Path, NoVariables, TextWriter.Null, TextWriter.Null, 1, false);

        var error = Assert.Throws<DefinitionException>(() => script.Builder().BuildGraph(environment));

        Assert.Contains("Two different parameters are named 'Port'", error.Message);
    }
}
