using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>A matrix job's uploads carry its values in their names, which must be names upload-artifact accepts.</summary>
public sealed class MatrixArtifactNameSpecs
{
    [Theory]
    [InlineData("linux/amd64")]
    [InlineData("c:\\x")]
    [InlineData("a*b")]
    [InlineData("what?")]
    [InlineData("say \"hi\"")]
    [InlineData("a|b")]
    public void A_matrix_value_that_would_make_an_invalid_artifact_name_fails_generation_naming_it(string value)
    {
        var script = new Script().Target<A>(t => t.Matrix(MatrixAxis.Of("platform", "linux", value)).Produces(Artifact.Of("binaries", "bin")));

        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(script, w => w.Job<A>()));

        Assert.Contains($"the job A: the value '{value}' of its matrix axis platform would be part of the name of the artifact binaries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Such_a_value_is_fine_when_the_job_uploads_nothing()
    {
        var workflow = InlineWorkflow.Plan(new Script().Target<A>(t => t.Matrix(MatrixAxis.Of("platform", "linux/amd64"))), w => w.Job<A>());

        Assert.Equal(["linux/amd64"], workflow["a"].Matrix!.Axes[0].Values);
    }

    [Fact]
    public void Valid_values_name_the_uploads_by_cell()
    {
        var script = new Script().Target<A>(t => t.Matrix(MatrixAxis.Of("platform", "linux-x64", "osx.arm64")).Produces(Artifact.Of("binaries", "bin")));

        var upload = InlineWorkflow.Plan(script, w => w.Job<A>())["a"].Steps.Single(s => s.Name == "Upload binaries");

        Assert.Equal("binaries-${{ matrix.platform }}", upload.With.Single(w => w.Key == "name").Value);
    }

    [Fact]
    public void A_matrix_of_include_entries_only_names_its_uploads_by_their_fields()
    {
        var os = MatrixAxis.Of("os-name");
        var runner = MatrixAxis.Of("runner");
        var script = new Script().Target<A>(t => t
            .Matrix(m => m.Include((os, "linux"), (runner, "ubuntu-24.04")).Include((os, "windows"), (runner, "windows-2025")).RunsOn(runner))
            .Produces(Artifact.Of("packages", "artifacts/package")));

        var upload = InlineWorkflow.Plan(script, w => w.Job<A>())["a"].Steps.Single(s => s.Name == "Upload packages");

        // Without the fields every cell would upload "packages", and the second upload would collide.
        Assert.Equal("packages-${{ matrix.os-name }}-${{ matrix.runner }}", upload.With.Single(w => w.Key == "name").Value);
    }
}
