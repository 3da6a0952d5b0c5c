using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>
/// Declared values are literal: a <c>${{</c> in one would be evaluated by GitHub, so generation
/// refuses it, naming the job or workflow and the field. The generator's own expressions are fine.
/// </summary>
public sealed class LiteralValueSpecs
{
    private const string Untrusted = "${{ github.event.pull_request.title }}";

    public static TheoryData<string, string> JobValues => new()
    {
        { "runs-on", "its runs-on label" },
        { "environment", "its environment name" },
        { "matrix", "a value of its matrix axis os" },
        { "artifact", "a path of the artifact out (A)" },
        { "image", "the image of the service container 'db'" },
        { "service-env", "the value of PASSWORD in the service container 'db'" },
        { "health", "the health command of the service container 'db'" },
        { "exposes", "the variable DB_URL that the service container 'db' exposes" },
        { "toolchain", "a cache path of the toolchain node (A)" },
    };

    [Theory]
    [MemberData(nameof(JobValues))]
    public void An_expression_in_a_value_a_job_declares_fails_generation_naming_the_job_and_the_field(string where, string field)
    {
        var db = new ServiceContainer("db", "postgres:16").WithPorts(5432);
        var script = new Script().Target<A>(t => _ = where switch
        {
            "matrix" => t.Matrix(MatrixAxis.Of("os", "linux", Untrusted)),
            "artifact" => t.Produces(Artifact.Of("out", "bin", Untrusted)),
            "image" => t.Service(new ServiceContainer("db", "postgres:" + Untrusted)),
            "service-env" => t.Service(db.WithEnvironment("PASSWORD", Untrusted)),
            "health" => t.Service(db.WithHealthCheck("pg_isready " + Untrusted)),
            "exposes" => t.Service(db.Exposes("DB_URL", "Host={host};Title=" + Untrusted)),
            "toolchain" => t.Toolchain(Toolchain.Node with { CachePaths = [Untrusted] }),
            _ => t,
        });

        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(script, w => w.Job<A>(j => _ = where switch
        {
            "runs-on" => j.RunsOn("self-hosted", Untrusted),
            "environment" => j.Environment(Untrusted),
            _ => j,
        })));

        Assert.Contains($"the job A: {field}", error.Message, StringComparison.Ordinal);
        Assert.Contains("contains '${{', which GitHub would evaluate as an expression", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> WorkflowValues => new()
    {
        { "env", "the value of its env variable TITLE" },
        { "runs-on", "its runs-on label" },
        { "name", "its name" },
        { "group", "its concurrency group" },
        { "branch", "the branch filter of its push trigger" },
    };

    [Theory]
    [MemberData(nameof(WorkflowValues))]
    public void An_expression_in_a_value_the_workflow_declares_fails_generation_naming_the_field(string where, string field)
    {
        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(new Script().Target<A>(), w => (where switch
        {
            "env" => w.Env("TITLE", Untrusted),
            "runs-on" => w.RunsOn(Untrusted),
            "name" => w.Name(Untrusted),
            "group" => w.Concurrency(group: Untrusted),
            _ => w.OnPush(branches: [Untrusted]),
        }).Job<A>()));

        Assert.Contains($"the workflow: {field} contains '${{{{'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${{ toJSON(secrets) }}")]
    [InlineData("${{ secrets['TOKEN'] }}")]
    public void A_value_reading_secrets_is_refused_saying_how_a_secret_reaches_a_job(string value)
    {
        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(new Script().Target<A>(), w => w.Env("ALL", value).Job<A>()));

        Assert.Contains("the value of its env variable ALL contains '${{'", error.Message, StringComparison.Ordinal);
        Assert.Contains("a secret reaches a job only through a declared secret parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generators_own_expressions_are_written_and_literal_values_pass()
    {
        var token = Parameter.Secret("a token", "Token");
        var workflow = InlineWorkflow.Plan(
            new Script().Target<A>(t => t.Requires(token).Matrix(MatrixAxis.Of("os", "linux", "windows"))),
            w => w.Env("PRICE", "$5 {a} ${b}").Job<A>());

        var env = workflow["a"].BuildStep.Env.ToDictionary();
        Assert.Equal("${{ secrets.TOKEN }}", env["TOKEN"]);
        Assert.Equal("${{ matrix.os }}", env["PIPELINE_MATRIX_OS"]);
    }
}
