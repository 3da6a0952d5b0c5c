using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>A job id comes from its target's class name, and must be one GitHub accepts.</summary>
public sealed class JobIdSpecs
{
    [Fact]
    public void A_target_whose_name_makes_no_valid_job_id_fails_generation_naming_it()
    {
        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(new Script().Target<Déploy>(), w => w.Job<Déploy>()));

        Assert.Contains("the job for Déploy would have the id 'déploy', which GitHub rejects", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ascii_name_makes_its_job_id_in_kebab_case()
    {
        var workflow = InlineWorkflow.Plan(new Script().Target<A>(), w => w.Job<A>());

        Assert.Equal("a", workflow.Jobs.Single().Id);
    }
}

#pragma warning disable SA1402 // the one probe these tests need
public sealed class Déploy(Script s) : Probe(s);
#pragma warning restore SA1402
