using Pipeline.Planning;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Planning;

public sealed class PlanningSpecs
{
    private static Plan PlanFor(Script script, params string[] targets) => PlanFor(script, PlanRequest.For(targets));

    private static Plan PlanFor(Script script, PlanRequest request)
    {
        using var root = new TempRoot();
        var environment = new PipelineEnvironment(root.Path, new Dictionary<string, string>(), TextWriter.Null, TextWriter.Null, 2, false);
        return Planner.Create(script.Builder().BuildGraph(environment), request);
    }

    private static List<string> Order(Plan plan) => [.. plan.Targets.Select(t => t.Name)];

    [Fact]
    public void DependsOn_pulls_the_dependency_into_the_plan_and_orders_it_first()
    {
        var script = new Script().Target<A>().Target<B>(t => t.DependsOn<A>()).Target<C>();

        var plan = PlanFor(script, "B");

        Assert.Equal(["A", "B"], Order(plan));
        Assert.Equal(["A"], plan["B"].BlockedBy);
    }

    [Fact]
    public void DependentFor_is_DependsOn_declared_from_the_other_side()
    {
        var script = new Script().Target<A>(t => t.DependentFor<B>()).Target<B>();

        var plan = PlanFor(script, "B");

        Assert.Equal(["A", "B"], Order(plan));
        Assert.Equal(["A"], plan["B"].BlockedBy);
    }

    [Fact]
    public void Triggers_adds_the_triggered_target_after_the_trigger()
    {
        var script = new Script().Target<A>(t => t.Triggers<B>()).Target<B>().Target<C>();

        var plan = PlanFor(script, "A");

        Assert.Equal(["A", "B"], Order(plan));
        Assert.Equal(["A"], plan["B"].Follows);
        Assert.Equal(["A"], plan["B"].BlockedBy); // a failed trigger does not trigger
    }

    [Fact]
    public void TriggeredBy_is_Triggers_declared_from_the_other_side()
    {
        var script = new Script().Target<A>().Target<B>(t => t.TriggeredBy<A>());

        Assert.Equal(["A", "B"], Order(PlanFor(script, "A")));
        Assert.Equal(["B"], Order(PlanFor(script, "B"))); // running B alone does not pull in A
    }

    [Fact]
    public void After_orders_two_planned_targets_without_pulling_one_in()
    {
        var script = new Script().Target<B>(t => t.After<A>()).Target<A>();

        Assert.Equal(["A", "B"], Order(PlanFor(script, "B", "A")));
        Assert.Equal(["B"], Order(PlanFor(script, "B")));
        Assert.Empty(PlanFor(script, "B", "A")["B"].BlockedBy); // ordering only: A failing does not skip B
    }

    [Fact]
    public void Before_is_After_declared_from_the_other_side()
    {
        var script = new Script().Target<B>().Target<A>(t => t.Before<B>());

        Assert.Equal(["A", "B"], Order(PlanFor(script, "B", "A")));
        Assert.Equal(["A"], PlanFor(script, "B", "A")["B"].Follows);
    }

    [Fact]
    public void A_trigger_chain_is_followed_until_nothing_more_is_added()
    {
        var script = new Script()
            .Target<A>(t => t.Triggers<B>())
            .Target<B>(t => t.DependsOn<C>().Triggers<D>())
            .Target<C>()
            .Target<D>();

        var plan = PlanFor(script, "A");

        Assert.Equal(["A", "B", "C", "D"], plan.Targets.Select(t => t.Name).Order());
        Assert.True(Order(plan).IndexOf("C") < Order(plan).IndexOf("B"));
        Assert.True(Order(plan).IndexOf("B") < Order(plan).IndexOf("D"));
    }

    [Fact]
    public void Independent_targets_share_a_wave_and_dependents_come_in_later_waves()
    {
        // A diamond: A → (B ‖ C) → D
        var script = new Script()
            .Target<A>()
            .Target<B>(t => t.DependsOn<A>())
            .Target<C>(t => t.DependsOn<A>())
            .Target<D>(t => t.DependsOn<B>().DependsOn<C>());

        var plan = PlanFor(script, "D");

        Assert.Equal([1, 2, 2, 3], plan.Targets.Select(t => t.Wave));
        Assert.Equal(["B", "C"], plan["D"].Follows.Order());
    }

    [Fact]
    public void No_target_given_plans_the_default_target()
    {
        var script = new Script().Target<A>().Target<B>(t => t.DependsOn<A>()).Default<B>();

        Assert.Equal(["A", "B"], Order(PlanFor(script)));
    }

    [Fact]
    public void Target_names_match_whatever_the_case_and_dashes()
    {
        var script = new Script().Target<A>().Target<B>();

        Assert.Equal(["B"], Order(PlanFor(script, "b")));
    }

    [Fact]
    public void Bare_skip_runs_only_the_named_targets()
    {
        var script = new Script().Target<A>().Target<B>(t => t.DependsOn<A>());

        var plan = PlanFor(script, new PlanRequest(["B"], SkipRequest.AllButRequested));

        Assert.Null(plan["B"].SkipReason);
        Assert.StartsWith("--skip", plan["A"].SkipReason);
    }

    [Fact]
    public void Skip_with_names_leaves_out_exactly_those_targets()
    {
        var script = new Script().Target<A>().Target<B>(t => t.DependsOn<A>()).Target<C>(t => t.DependsOn<B>());

        var plan = PlanFor(script, new PlanRequest(["C"], SkipRequest.Targets("b")));

        Assert.Equal("--skip", plan["B"].SkipReason);
        Assert.Null(plan["A"].SkipReason);
        Assert.Null(plan["C"].SkipReason);
    }

    [Fact]
    public void A_false_static_condition_shows_the_target_as_skipped_with_its_source_text()
    {
        var deploy = false;
        var script = new Script().Target<A>(t => t.OnlyWhenStatic(() => deploy));

        var plan = PlanFor(script, "A");

        Assert.Equal("condition `() => deploy` is false", plan["A"].SkipReason);
    }

    [Fact]
    public void A_cycle_is_reported_with_its_path()
    {
        var script = new Script()
            .Target<A>(t => t.DependsOn<B>().Triggers<C>()) // C must run after A…
            .Target<B>(t => t.DependsOn<C>())                // …but A needs B, which needs C
            .Target<C>();

        var error = Assert.Throws<DefinitionException>(() => PlanFor(script, "A"));

        Assert.Contains("A → B → C → A", error.Message);
    }

    [Fact]
    public void A_cycle_through_ordering_relations_is_a_cycle_too()
    {
        var script = new Script().Target<A>(t => t.After<B>()).Target<B>(t => t.After<A>());

        var error = Assert.Throws<DefinitionException>(() => PlanFor(script, "A"));

        Assert.Contains("A → B → A", error.Message);
    }

    [Fact]
    public void Two_targets_claiming_one_thing_fail_the_definition_naming_both_and_one_claiming_it_twice_does_not()
    {
        var script = new Script()
            .Target<A>(t => t.Claims("the image 'api'").Claims("the image 'api'"))
            .Target<B>(t => t.Claims("the image 'worker'"))
            .Target<C>(t => t.Claims("the image 'api'"));

        var error = Assert.Throws<DefinitionException>(() => PlanFor(script, "B"));

        Assert.Equal("A and C both make the image 'api'; only one target may: keep it in one of them.", error.Message);
        Assert.Equal(["the image 'worker'"], PlanFor(new Script().Target<A>(t => t.Claims("the image 'worker'").Claims("the image 'worker'")).Target<B>(), "A")["A"].Definition.Claims);
    }

    [Fact]
    public void An_unknown_target_fails_with_the_closest_names()
    {
        var script = new Script().Target<A>().Target<B>();
        var builder = new PipelineBuilder().Provide(script).Add<Compile>().Add<Test>();

        var error = Assert.Throws<UsageException>(() => Planner.Create(builder.BuildGraph(Environment()), PlanRequest.For("Tset")));

        Assert.Contains("Unknown target 'Tset'. Did you mean `Test`?", error.Message);
    }

    [Fact]
    public void A_relation_to_a_target_outside_the_pipeline_adds_that_target()
    {
        var builder = new PipelineBuilder().Add<Test>();

        var graph = builder.BuildGraph(Environment());

        Assert.Equal(["Test", "Compile"], graph.Targets.Select(t => t.Name));
    }

    [Fact]
    public async Task A_static_condition_that_throws_is_reported_as_a_pipeline_error_and_nothing_runs()
    {
        var script = new Script().Target<A>().Target<B>(t => t.DependsOn<A>().OnlyWhenStatic(() => throw new IOException("no git here")));

        var run = await script.RunAsync("B");

        Assert.Equal(ExitCodes.Definition, run.ExitCode);
        Assert.Contains("the pipeline's code failed before running any target: System.IO.IOException: no git here", run.Error);
        Assert.Empty(run.Events);
    }

    private static PipelineEnvironment Environment() =>
        new(new AbsolutePath(Path.GetTempPath()), new Dictionary<string, string>(), TextWriter.Null, TextWriter.Null, 2, false);

    private sealed class Compile : Target;

    private sealed class Test : Target
    {
        protected override void Configure(TargetSpec target) => target.DependsOn<Compile>();
    }
}
