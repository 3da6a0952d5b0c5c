using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions.Security;

/// <summary>
/// Each of zizmor's audit classes is a rule of the generator (Planning/Security): a declaration that
/// breaks it fails generation, naming the audit, or, for the classes zizmor reports as a caution,
/// is written with a warning.
/// </summary>
public sealed class SecurityRuleSpecs
{
    private const string Sha = "5e57cd118135c172c3672efd75eb46360885c0ef";

    private static readonly Dictionary<string, (Action<WorkflowSpec> Declare, string Expected)> Breaking = new()
    {
        ["template-injection"] = (
            w => w.OnPullRequest().Job<A>(j => j.BeforeBuild(s => s.Name("Greet").Run("echo \"${{ github.event.pull_request.title }}\""))),
            "expands ${{ github.event.pull_request.title }} inside its code"),
        ["template-injection in github-script"] = (
            w => w.OnPullRequest().Job<A>(j => j.BeforeBuild(s => s.Uses($"actions/github-script@{Sha}").With("script", "core.info('${{ github.head_ref }}')"))),
            "expands ${{ github.head_ref }} inside its code"),
        ["excessive-permissions"] = (w => w.PermissionsWriteAll().Job<A>(), "the workflow grants write-all"),
        ["unpinned-uses"] = (
            w => w.Job<A>(j => j.BeforeBuild(s => s.Uses("docker/login-action"))),
            "uses docker/login-action, which neither the workflow pins (.Pin) nor .nuke/actions.lock.json locks"),
        ["unpinned-images"] = (w => w.Job<A>(j => j.Container("postgres:latest")), "its container image postgres:latest has no tag but latest"),
        ["unpinned-uses with docker://"] = (w => w.Job<A>(j => j.BeforeBuild(s => s.Uses("docker://alpine:3.20"))), "uses the image alpine:3.20 without a digest"),
        ["cache-poisoning"] = (
            w => w.OnPush(tags: ["v*"]).Job<A>(j => j.BeforeBuild(s => s.Uses("actions/cache/restore").With("path", "x").With("key", "k"))),
            "restores a cache, but the workflow publishes (it runs on tags (v*))"),
        ["dangerous-triggers"] = (
            w => w.OnPullRequestTarget().Job<A>(j => j.Checkout(@ref: "${{ github.event.pull_request.head.sha }}")),
            "checks out the pull request's head under pull_request_target"),
        ["dangerous-triggers with workflow_run"] = (
            w => w.OnWorkflowRun(["CI"]).Job<A>(j => j.Checkout(@ref: "${{ github.event.workflow_run.head_sha }}")),
            "checks out the pull request's head under workflow_run"),
        ["hardcoded-credentials"] = (
            w => w.Job<A>(j => j.BeforeBuild(s => s.Uses($"docker/login-action@{Sha}").With("username", "ci").With("password", "hunter2-but-longer"))),
            "writes a credential into the file as password"),
        ["hardcoded-credentials by shape"] = (
            w => w.Job<A>(j => j.BeforeBuild(s => s.Run("./upload").Env("UPLOAD_AUTH", "ghp_" + new string('a', 36)))),
            "writes a credential into the file as UPLOAD_AUTH"),
    };

    public static TheoryData<string> Rules => [.. Breaking.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_declaration_that_breaks_a_rule_fails_generation_naming_the_audit(string rule)
    {
        var (declare, expected) = Breaking[rule];

        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(new Script().Target<A>(), declare));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains($"({rule.Split(' ')[0]})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_inherit_a_checkout_keeping_its_token_and_a_self_hosted_runner_on_pull_requests_are_written_with_a_warning()
    {
        var workflow = InlineWorkflow.Plan(new Script().Target<A>(), w => w.OnPullRequest().Job<A>(j => j.Raw("secrets", "inherit").RunsOn("self-hosted", "linux")
            .BeforeBuild(s => s.Name("Charts").Uses("actions/checkout").With("repository", "org/charts"))));

        Assert.Contains(workflow.Warnings, w => w.EndsWith("(secrets-inherit)", StringComparison.Ordinal));
        Assert.Contains(workflow.Warnings, w => w.Contains("runs on a self-hosted runner in a workflow that pull requests trigger", StringComparison.Ordinal));
        Assert.Contains(workflow.Warnings, w => w.Contains("its step 'Charts' checks out without persist-credentials: false", StringComparison.Ordinal));
    }

    [Fact]
    public void A_safe_expansion_and_an_env_variable_carrying_untrusted_text_pass()
    {
        var workflow = InlineWorkflow.Plan(new Script().Target<A>(), w => w.OnPullRequest().Job<A>(j => j
            .BeforeBuild(s => s.Run("echo \"$TITLE\" ${{ github.event.pull_request.number }}").Env("TITLE", "${{ github.event.pull_request.title }}"))));

        Assert.Empty(workflow.Warnings);
    }

    [Fact]
    public void Every_rule_lives_in_the_one_list_with_its_audit_name()
    {
        Assert.Equal(
            ["template-injection", "excessive-permissions", "unpinned-uses", "unpinned-images", "cache-poisoning", "artipacked",
             "secrets-inherit", "dangerous-triggers", "self-hosted-runner", "hardcoded-credentials"],
            SecurityRules.All.Select(r => r.Audit));
    }
}
