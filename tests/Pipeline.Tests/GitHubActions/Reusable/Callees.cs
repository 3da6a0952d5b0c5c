using Pipeline.GitHubActions;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions.Reusable;

/// <summary>The parameters and outputs of the reusable-workflow tests: A builds (reading them), B stands for a call of Build.</summary>
internal static class Build
{
    public static readonly Parameter<string> Configuration = Parameter.Create("Build configuration", "Release");
    public static readonly Parameter<bool> Sign = Parameter.Create("Sign the packages", false);
    public static readonly Parameter<int> Retries = Parameter.Create("Retries of a flaky test", 2);
    public static readonly Parameter<string> Channel = Parameter.Create<string>("Release channel").AsRequired();
    public static readonly Parameter<string> NugetKey = Parameter.Secret("Key of the package feed");
    public static readonly Parameter<string> PublishKey = Parameter.Secret("Key the caller keeps its feed key under");
    public static readonly Parameter<string> Unrelated = Parameter.Create<string>("Read by no callee");
    public static readonly Output<string> Version = new("The version built");

    /// <summary>A builds and produces the version; B calls Build in CI (locally it runs after A); C publishes what B built.</summary>
    public static Script Pipeline() => new Script()
        .Parameters(Configuration, Sign, Retries, Channel, NugetKey, PublishKey, Unrelated)
        .Target<A>(t => t.Produces(Version).Requires(NugetKey).Reads(Configuration).Reads(Sign).Reads(Retries).Reads(Channel))
        .Target<B>(t => t.DependsOn<A>())
        .Target<C>(t => t.DependsOn<B>().Consumes(Version).OnlyWhen(Contexts.Needs<B>().Succeeded))
        .Target<D>();
}

/// <summary>The callable workflow: its inputs, secret and output come from Build's parameters and A.</summary>
internal sealed class BuildWorkflow : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .OnWorkflowCall(Build.Configuration, Build.Sign, Build.Retries, Build.Channel)
        .WorkflowCallOutput(Build.Version)
        .Job<A>();
}

/// <summary>A workflow that forgot <c>OnWorkflowCall</c>.</summary>
internal sealed class NotCallable : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow.OnPush().Job<D>();
}

/// <summary>Calls itself.</summary>
internal sealed class SelfCalling : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow.OnWorkflowCall().Call<B, SelfCalling>();
}

/// <summary>The innermost callee of a chain.</summary>
internal sealed class Leaf : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow.OnWorkflowCall().Job<D>();
}

/// <summary>One level of a chain of calls: calls <typeparamref name="TInner"/>.</summary>
internal sealed class Nest<TInner> : Workflow where TInner : Workflow, new()
{
    public static int Depth => typeof(TInner).IsGenericType ? 1 + (int)typeof(TInner).GetProperty(nameof(Depth))!.GetValue(null)! : 1;

    protected override void Configure(WorkflowSpec workflow) => workflow.FileName($"nest-{Depth}").OnWorkflowCall().Call<B, TInner>();
}
