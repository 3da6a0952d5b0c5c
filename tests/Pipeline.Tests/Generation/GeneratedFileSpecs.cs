using System.Text.Json;
using Pipeline.Generation;
using Pipeline.Tests.Parameters;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Generation;

public sealed class GeneratedFileSpecs
{
    private static Script Pipeline() => new Script()
        .Parameters(Params.Configuration, Params.Port, Params.Tags, Params.RegistryPassword)
        .Target<A>(t => t.Description("Alpha"))
        .Target<B>(t => t.DependsOn<A>())
        .Target<C>(t => t.Unlisted());

    [Fact]
    public async Task Generate_writes_the_parameter_schema_from_the_declared_parameters()
    {
        using var root = new TempRoot();

        var run = await Pipeline().RunAsync(["--generate"], new Dictionary<string, string>(), root);

        Assert.Equal(0, run.ExitCode);
        using var schema = JsonDocument.Parse(File.ReadAllText(root.Path / ".nuke" / "build.schema.json"));
        var properties = schema.RootElement.GetProperty("properties");
        Assert.Equal(["Debug", "Release"], properties.GetProperty("Configuration").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("integer", properties.GetProperty("Port").GetProperty("type").GetString());
        Assert.Equal(8080, properties.GetProperty("Port").GetProperty("default").GetInt32());
        Assert.Equal("array", properties.GetProperty("Tags").GetProperty("type").GetString());
        Assert.False(properties.GetProperty("RegistryPassword").TryGetProperty("default", out _));
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public async Task Generate_writes_one_launch_profile_per_listed_target()
    {
        using var root = new TempRoot();

        await Pipeline().RunAsync(["--generate"], new Dictionary<string, string>(), root);

        using var launch = JsonDocument.Parse(File.ReadAllText(root.Path / "build" / "Properties" / "launchSettings.json"));
        var profiles = launch.RootElement.GetProperty("profiles");
        Assert.Equal("A --skip", profiles.GetProperty("A").GetProperty("commandLineArgs").GetString());
        Assert.Equal("B", profiles.GetProperty("B (with dependencies)").GetProperty("commandLineArgs").GetString());
        Assert.False(profiles.TryGetProperty("C", out _)); // unlisted
        Assert.Contains("\"${input:target}\"", File.ReadAllText(root.Path / ".vscode" / "launch.json"));
    }

    [Fact]
    public async Task The_check_fails_with_a_diff_after_a_hand_edit_and_passes_after_regenerating()
    {
        using var root = new TempRoot();
        await Pipeline().RunAsync(["--generate"], new Dictionary<string, string>(), root);
        var schema = root.Path / ".nuke" / "build.schema.json";
        File.WriteAllText(schema, File.ReadAllText(schema).Replace("\"integer\"", "\"string\"", StringComparison.Ordinal));

        var check = await Pipeline().RunAsync(["--generate", "--check"], new Dictionary<string, string>(), root);

        Assert.Equal(ExitCodes.TargetFailed, check.ExitCode);
        Assert.Contains("--- a/.nuke/build.schema.json", check.Output);
        Assert.Contains("-      \"type\": \"string\",", check.Output);
        Assert.Contains("+      \"type\": \"integer\",", check.Output);
        Assert.Contains("Run ./build.sh --generate and commit the result.", check.Error);
        Assert.Contains("\"string\"", File.ReadAllText(schema)); // check mode writes nothing

        await Pipeline().RunAsync(["--generate"], new Dictionary<string, string>(), root);
        var again = await Pipeline().RunAsync(["--generate", "--check"], new Dictionary<string, string>(), root);
        Assert.Equal(0, again.ExitCode);
    }

    [Fact]
    public void The_diff_shows_only_the_changed_region_with_context()
    {
        var before = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}"));
        var after = before.Replace("line 10", "line ten", StringComparison.Ordinal);

        var diff = UnifiedDiff.Create(before, after, "f.txt").ToList();

        Assert.Equal(["--- a/f.txt", "+++ b/f.txt", "@@ -7,7 +7,7 @@", " line 7", " line 8", " line 9", "-line 10", "+line ten", " line 11", " line 12", " line 13"], diff);
    }
}
