using System.Text.Json.Nodes;

namespace Pipeline.Generation;

/// <summary>
/// IDE entry points, one per listed target: <c>build/Properties/launchSettings.json</c> (Visual
/// Studio, Rider) and <c>.vscode/launch.json</c> with a target picker. Each runs that target alone
/// (<c>--skip</c>), so a breakpoint in it is hit without waiting for its dependencies.
/// </summary>
internal sealed class LaunchProfiles : IGeneratedFileSource
{
    public IEnumerable<GeneratedFile> Generate(GenerationContext context)
    {
        var targets = context.Graph.Targets.Where(t => !t.Unlisted).Select(t => t.Name).ToList();
        var profiles = new JsonObject();
        foreach (var target in targets)
        {
            profiles[target] = new JsonObject
            {
                ["commandName"] = "Project",
                ["commandLineArgs"] = $"{target} --skip",
            };
            profiles[$"{target} (with dependencies)"] = new JsonObject
            {
                ["commandName"] = "Project",
                ["commandLineArgs"] = target,
            };
        }

        yield return new GeneratedFile(
            $"{context.BuildProjectDirectory}/Properties/launchSettings.json",
            JsonText.Write(new JsonObject { ["profiles"] = profiles }));

        // The build task writes the pipeline into a folder of its own, so the path does not depend on the
        // configuration, the target framework or an artifacts layout the repository may set.
        const string output = "${workspaceFolder}/.nuke/temp/debug";
        var program = $"{output}/{context.BuildAssemblyName}.dll";
        var launch = new JsonObject
        {
            ["version"] = "0.2.0",
            ["configurations"] = new JsonArray(new JsonObject
            {
                ["name"] = "Pipeline: debug a target",
                ["type"] = "coreclr",
                ["request"] = "launch",
                ["preLaunchTask"] = "build pipeline",
                ["program"] = program,
                ["args"] = new JsonArray("${input:target}", "--skip"),
                ["cwd"] = "${workspaceFolder}",
                ["console"] = "integratedTerminal",
                ["stopAtEntry"] = false,
            }),
            ["inputs"] = new JsonArray(new JsonObject
            {
                ["id"] = "target",
                ["type"] = "pickString",
                ["description"] = "The target to run alone (its dependencies are skipped)",
                ["options"] = new JsonArray([.. targets.Select(t => (JsonNode)t)]),
            }),
        };
        yield return new GeneratedFile(".vscode/launch.json", JsonText.Write(launch));

        var tasks = new JsonObject
        {
            ["version"] = "2.0.0",
            ["tasks"] = new JsonArray(new JsonObject
            {
                ["label"] = "build pipeline",
                ["type"] = "process",
                ["command"] = "dotnet",
                ["args"] = new JsonArray("build", $"${{workspaceFolder}}/{context.BuildProjectDirectory}", "--output", output),
                ["problemMatcher"] = "$msCompile",
            }),
        };
        yield return new GeneratedFile(".vscode/tasks.json", JsonText.Write(tasks));
    }
}
