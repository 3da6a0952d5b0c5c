using System.Text.Json;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Generation;

public sealed class LaunchProfileSpecs
{
    [Fact]
    public async Task VS_Code_debugs_the_assembly_its_build_task_wrote_whatever_the_configuration_or_framework()
    {
        using var root = new TempRoot();

        await new Script().Target<A>().RunAsync(["--generate"], new Dictionary<string, string>(), root);

        using var launch = JsonDocument.Parse(File.ReadAllText(root.Path / ".vscode" / "launch.json"));
        using var tasks = JsonDocument.Parse(File.ReadAllText(root.Path / ".vscode" / "tasks.json"));
        var program = launch.RootElement.GetProperty("configurations")[0].GetProperty("program").GetString()!;
        var build = tasks.RootElement.GetProperty("tasks")[0].GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.DoesNotContain("bin/", program, StringComparison.Ordinal);
        Assert.DoesNotContain("net10.0", program, StringComparison.Ordinal);
        var output = build[build.IndexOf("--output") + 1];
        Assert.StartsWith(output + "/", program, StringComparison.Ordinal);
        Assert.EndsWith(".dll", program, StringComparison.Ordinal);
    }
}
