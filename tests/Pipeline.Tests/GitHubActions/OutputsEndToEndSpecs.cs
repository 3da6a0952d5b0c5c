using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Outputs;
using Pipeline.Tests.Support;
using YamlDotNet.RepresentationModel;
using static Pipeline.Tests.GitHubActions.OutputWorkflowSpecs;

namespace Pipeline.Tests.GitHubActions;

/// <summary>
/// CI simulated across two runs: the producing job's run writes <c>$GITHUB_OUTPUT</c>; its job's
/// <c>outputs:</c> and the consuming job's <c>env:</c>, read from the generated YAML, carry the
/// value into a second run that has never seen the producer.
/// </summary>
public sealed partial class OutputsEndToEndSpecs
{
    public static readonly Output<string> Version = new("The version to stamp");
    public static readonly Output<IReadOnlyList<string>> Changed = new("The components that changed");
    private static readonly MatrixAxis<string> Component = MatrixAxis.FromOutput(Changed, "component");

    [Fact]
    public async Task A_value_set_in_the_producers_job_arrives_in_the_consumers_job_through_the_generated_YAML()
    {
        var read = new ConcurrentBag<string>();
        var script = new Script()
            .Target<A>(t => t.Produces(Version).Produces(Changed), c =>
            {
                c.Set(Version, "1.2.3");
                c.Set(Changed, ["auth", "users"]);
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>().Consumes(Version), c =>
            {
                read.Add("B " + c.Get(Version));
                return Task.CompletedTask;
            })
            .Target<C>(t => t.DependsOn<A>().Matrix(Component), c =>
            {
                read.Add("C " + c.Matrix!.Get(Component));
                return Task.CompletedTask;
            });
        var jobs = Jobs(WorkflowRenderer.Render(InlineWorkflow.Plan(script, w => w.Job<A>().Job<B>().Job<C>())));

        // The producer's job: its build step under GitHub Actions.
        using var producerRoot = new TempRoot();
        var outputFile = producerRoot.Write("github-output", "");
        var produced = await script.RunAsync(
            Arguments(jobs["a"]), new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_OUTPUT"] = outputFile }, producerRoot);
        Assert.Equal(0, produced.ExitCode);
        var stepOutputs = GitHubOutputs.Parse(File.ReadAllText(outputFile));
        var jobOutputs = ((YamlMappingNode)((YamlMappingNode)jobs["a"])["outputs"]).Children.ToDictionary(
            e => $"needs.a.outputs.{((YamlScalarNode)e.Key).Value}",
            e => stepOutputs[StepOutput().Match(((YamlScalarNode)e.Value).Value!).Groups[1].Value]);

        // The consumer's job: a run of its own, with the variables its build step's env: sets.
        var consumed = await script.RunAsync(Arguments(jobs["b"]), Environment(jobs["b"], jobOutputs, matrix: null));
        Assert.Equal(0, consumed.ExitCode);

        // One leg of the matrix job: its cell as toJSON writes it.
        Assert.Equal("${{ fromJSON(needs.a.outputs.changed) }}", Scalar(jobs["c"], "strategy", "matrix", "component"));
        var leg = await script.RunAsync(Arguments(jobs["c"]), Environment(jobs["c"], jobOutputs, matrix: "\"users\""));
        Assert.Equal(0, leg.ExitCode);

        Assert.Equal(["B 1.2.3", "C users"], read.Order(StringComparer.Ordinal));
        Assert.Equal("[\"auth\",\"users\"]", jobOutputs["needs.a.outputs.changed"]);
    }

    private static string[] Arguments(YamlNode job) => Scalar(BuildStep(job), "run")!.Split(' ')[1..];

    /// <summary>The build step's env:, with the expressions GitHub would evaluate replaced by their values.</summary>
    private static Dictionary<string, string> Environment(YamlNode job, Dictionary<string, string> jobOutputs, string? matrix)
    {
        var env = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" };
        foreach (var (key, value) in ((YamlMappingNode)BuildStep(job)["env"]).Children)
        {
            var expression = Expression().Match(((YamlScalarNode)value).Value!).Groups[1].Value;
            env[((YamlScalarNode)key).Value!] = expression.StartsWith("toJSON(matrix.", StringComparison.Ordinal) ? matrix! : jobOutputs[expression];
        }

        return env;
    }

    [GeneratedRegex(@"^\$\{\{ (.+) \}\}$")]
    private static partial Regex Expression();

    [GeneratedRegex(@"steps\.build\.outputs\.([a-z-]+)")]
    private static partial Regex StepOutput();
}
