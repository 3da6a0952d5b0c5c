using System.Text.Json;
using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Incremental;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>
/// In CI, targets with declared inputs are skipped by the same fingerprint as locally: the job restores
/// the records and output cache keyed by <c>--fingerprints</c>, and caches the compiled pipeline.
/// A publishing workflow restores no cache at all.
/// </summary>
public sealed class IncrementalCacheSpecs
{
    private static readonly Output<string> Version = new("The version");

    [Fact]
    public async Task A_job_whose_targets_declare_inputs_restores_by_their_fingerprints_before_the_build_and_saves_after_a_successful_miss()
    {
        var workflow = InlineWorkflow.Plan(WithInputs(), w => w.Job<B>());

        var yaml = RenderedYaml.Parse(workflow);

        var names = yaml.StepNames("b");
        Assert.Equal(
            ["Cache the compiled pipeline", "Trust the restored pipeline", "Fingerprint the targets", "Restore up-to-date outputs", "Run B", "Save up-to-date outputs", "Upload the run report", "Link the run report"],
            names.SkipWhile(n => n != "Cache the compiled pipeline"));
        var fingerprints = yaml.Step("b", "Fingerprint the targets");
        Assert.Equal("fingerprints", fingerprints.At("id").Text());
        Assert.Equal("./build.sh B --fingerprints", fingerprints.At("run").Text());

        var restore = yaml.Step("b", "Restore up-to-date outputs");
        Assert.Equal("actions/cache/restore@0057852bfaa89a56745cba8c7296529d2fc39830", restore.At("uses").Text());
        Assert.Equal("pipeline-${{ runner.os }}-b-${{ steps.fingerprints.outputs.key }}", restore.At("with", "key").Text());
        Assert.Equal("pipeline-${{ runner.os }}-b-", restore.At("with", "restore-keys").Text());
        Assert.Equal(".nuke/temp/fingerprints\n.nuke/temp/cache", restore.At("with", "path").Text());

        var save = yaml.Step("b", "Save up-to-date outputs");
        Assert.Equal("actions/cache/save@0057852bfaa89a56745cba8c7296529d2fc39830", save.At("uses").Text());
        Assert.Equal("success() && steps.up-to-date-outputs.outputs.cache-hit != 'true'", save.At("if").Text());
        Assert.Equal("${{ steps.up-to-date-outputs.outputs.cache-primary-key }}", save.At("with", "key").Text());
        Assert.Equal(restore.At("with", "path").Text(), save.At("with", "path").Text());
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "incremental-cache.yml");
    }

    [Fact]
    public void The_fingerprint_step_plans_what_the_build_step_runs_with_its_variables()
    {
        var workflow = InlineWorkflow.Plan(WithInputs(), w => w.Job<A>().Job<B>());

        var build = workflow["b"].BuildStep;
        var fingerprints = workflow["b"].Steps.Single(s => s.Name == "Fingerprint the targets");

        Assert.Equal(build.Run + " --fingerprints", fingerprints.Run);
        Assert.Contains("--skip", build.Run, StringComparison.Ordinal);
        Assert.Equal(build.Env, fingerprints.Env);
    }

    [Fact]
    public void A_job_whose_targets_declare_no_inputs_has_no_fingerprint_or_output_cache_steps()
    {
        var workflow = InlineWorkflow.Plan(new Script().Target<A>().Target<B>(t => t.DependsOn<A>()), w => w.Job<B>());

        var names = workflow["b"].Steps.Select(s => s.Name).ToList();

        Assert.DoesNotContain("Fingerprint the targets", names);
        Assert.DoesNotContain("Restore up-to-date outputs", names);
        Assert.DoesNotContain("Save up-to-date outputs", names);
        Assert.Contains("Cache the compiled pipeline", names);
    }

    [Fact]
    public void The_compiled_pipeline_is_restored_by_the_content_build_sh_watches_and_a_hit_renews_its_stamp()
    {
        var workflow = InlineWorkflow.Plan(new Script().Target<A>(), w => w.Job<A>());

        var yaml = RenderedYaml.Parse(workflow);

        var cache = yaml.Step("a", "Cache the compiled pipeline");
        Assert.Equal("actions/cache@0057852bfaa89a56745cba8c7296529d2fc39830", cache.At("uses").Text());
        Assert.Equal(".nuke/temp/bin\n.nuke/temp/build-inputs", cache.At("with", "path").Text());
        Assert.StartsWith("${{ runner.os }}-compiled-pipeline-${{ hashFiles('build/**', ", cache.At("with", "key").Text(), StringComparison.Ordinal);
        Assert.False(cache.At("with").Has("restore-keys"), "a hit renews the stamp: only the exact content may hit");
        var trust = yaml.Step("a", "Trust the restored pipeline");
        Assert.Equal("steps.compiled-pipeline.outputs.cache-hit == 'true'", trust.At("if").Text());
        Assert.Equal("touch .nuke/temp/build-inputs", trust.At("run").Text());
        Assert.True(yaml.StepNames("a").ToList().IndexOf("Trust the restored pipeline") < yaml.StepNames("a").ToList().IndexOf("Run A"));
    }

    [Fact]
    public void The_compiled_pipeline_key_covers_the_build_project_closure_its_msbuild_imports_and_the_bootstrap()
    {
        using var root = new TempRoot();
        root.Write("build/Build.csproj", """<Project><ItemGroup><ProjectReference Include="..\src\Lib\Lib.csproj" /></ItemGroup></Project>""");
        root.Write("src/Lib/Lib.csproj", """<Project><ItemGroup><ProjectReference Include="../../../outside/Other.csproj" /></ItemGroup></Project>""");
        root.Write("src/Directory.Build.props", "<Project><Import Project=\"$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))\" /></Project>");
        root.Write("Directory.Build.props", "<Project />");

        var inputs = CompiledPipelineCache.InputsOf(root.Path, "build");

        Assert.Contains("build/**", inputs);
        Assert.Contains("src/Lib/**", inputs);
        Assert.Contains("build/Directory.Build.props", inputs); // where MSBuild looks first, even while absent
        Assert.Contains("src/Lib/Directory.Build.props", inputs);
        Assert.Contains("src/Directory.Build.props", inputs);
        Assert.Contains("Directory.Build.props", inputs); // imported by src/'s
        Assert.Contains("Directory.Packages.props", inputs);
        Assert.Contains("global.json", inputs);
        Assert.Contains("build.sh", inputs);
        Assert.Contains("!**/obj/**", inputs);
        Assert.DoesNotContain(inputs, i => i.Contains("outside", StringComparison.Ordinal));
    }

    [Fact]
    public void A_windows_job_keeps_its_output_cache_but_not_the_compiled_pipeline_whose_stamp_holds_times()
    {
        var workflow = InlineWorkflow.Plan(WithInputs(), w => w.Job<B>(j => j.RunsOn("windows-latest")));

        var names = workflow["b"].Steps.Select(s => s.Name).ToList();

        Assert.DoesNotContain("Cache the compiled pipeline", names);
        Assert.Equal("./build.ps1 B --fingerprints", workflow["b"].Steps.Single(s => s.Name == "Fingerprint the targets").Run);
    }

    [Fact]
    public void Pinned_cache_actions_pin_the_restore_and_save_actions_too()
    {
        const string sha = "0123456789abcdef0123456789abcdef01234567";
        var workflow = InlineWorkflow.Plan(WithInputs(), w => w.Pin("actions/cache", sha, "v4.2.0").Job<B>());

        var steps = workflow["b"].Steps;

        Assert.Equal($"actions/cache/restore@{sha}", steps.Single(s => s.Name == "Restore up-to-date outputs").Uses);
        Assert.Equal($"actions/cache/save@{sha}", steps.Single(s => s.Name == "Save up-to-date outputs").Uses);
        Assert.Equal("v4.2.0", steps.Single(s => s.Name == "Save up-to-date outputs").UsesComment);
    }

    [Fact]
    public async Task A_workflow_triggered_by_tags_restores_no_cache_and_says_why()
    {
        var workflow = Plan(WithInputs(), w => w.OnPush(branches: ["main"], tags: ["v*"]).Job<B>());

        AssertNoCache(workflow);
        var rendered = WorkflowRenderer.Render(workflow);
        Assert.Contains("# No cache is restored in this workflow: it runs on tags (v*)", rendered, StringComparison.Ordinal);
        await WorkflowLint.AssertCleanAsync(rendered, "tagged.yml");
    }

    [Fact]
    public void A_workflow_triggered_by_releases_restores_no_cache()
    {
        var workflow = Plan(WithInputs(), w => w.OnRelease("published").Job<B>());

        AssertNoCache(workflow);
        Assert.Contains(workflow.Notes, n => n.Contains("it runs on releases", StringComparison.Ordinal));
    }

    [Fact]
    public void A_workflow_with_a_job_that_runs_a_publishing_target_restores_no_cache_in_any_job()
    {
        var script = WithInputs().Target<C>(t => t.DependsOn<B>().Publishes());

        var workflow = Plan(script, w => w.OnPush(branches: ["main"]).Job<B>().Job<C>());

        AssertNoCache(workflow);
        Assert.Contains(workflow.Notes, n => n.Contains("C publishes", StringComparison.Ordinal));
    }

    [Fact]
    public void The_note_names_every_publishing_target_as_a_sentence_does()
    {
        var script = WithInputs().Target<C>(t => t.DependsOn<B>().Publishes()).Target<D>(t => t.DependsOn<C>().Publishes()).Target<E>(t => t.DependsOn<D>().Publishes());

        var workflow = Plan(script, w => w.OnPush(branches: ["main"]).Job<E>());

        Assert.Contains(workflow.Notes, n => n.Contains("C, D and E publish,", StringComparison.Ordinal));
    }

    [Fact]
    public void A_job_that_asks_for_no_caches_gets_none()
    {
        var workflow = InlineWorkflow.Plan(WithInputs(), w => w.Job<B>(j => j.NoCaches()));

        Assert.DoesNotContain(workflow["b"].Steps, s => s.Uses?.StartsWith("actions/cache", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_fingerprints_option_prints_the_key_a_local_run_records_and_runs_nothing()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        var script = WithInputs();
        await run.RunAsync(script, "B");
        var recorded = JsonDocument.Parse(run.Root.Read(".nuke/temp/fingerprints/B.json")).RootElement.GetProperty("Key").GetString();

        var printed = await run.RunAsync(script, "B", "--fingerprints");

        Assert.Equal(0, printed.ExitCode);
        Assert.False(printed.Ran("A") || printed.Ran("B"), "--fingerprints runs nothing");
        var lines = printed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"fingerprint-B={recorded}", lines);
        Assert.Single(lines, l => l.StartsWith("key=", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("fingerprint-A=", StringComparison.Ordinal)); // A declares no inputs
    }

    [Fact]
    public async Task The_fingerprints_option_writes_github_output_and_its_key_changes_with_an_input()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        var output = run.Root.Write("github-output.txt", "");
        run.Variables["GITHUB_ACTIONS"] = "true";
        run.Variables["GITHUB_OUTPUT"] = output;
        var script = WithInputs();

        await run.RunAsync(script, "B", "--skip", "--fingerprints");
        var first = KeyIn(File.ReadAllText(output));
        run.Root.Write("src/a.cs", "class A { int x; }");
        File.WriteAllText(output, "");
        await run.RunAsync(script, "B", "--skip", "--fingerprints");
        var second = KeyIn(File.ReadAllText(output));

        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_target_reading_an_output_set_in_the_same_job_has_an_unknown_fingerprint_until_it_runs()
    {
        using var run = new IncrementalRun();
        var script = new Script()
            .Target<A>(t => t.Produces(Version), c =>
            {
                c.Set(Version, "1.0");
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>().Inputs(i => i.Output(Version)));

        var printed = await run.RunAsync(script, "B", "--fingerprints");

        Assert.Contains("fingerprint-B=unknown", printed.Output.Split('\n'));
    }

    private static Script WithInputs() => new Script()
        .Target<A>()
        .Target<B>(t => t.DependsOn<A>().Inputs(i => i.Files("src/**/*.cs")).OutputFiles("out"));

    private static string KeyIn(string githubOutput) =>
        githubOutput.Split('\n').Single(l => l.StartsWith("key=", StringComparison.Ordinal))["key=".Length..];

    private static void AssertNoCache(WorkflowModel workflow)
    {
        Assert.All(workflow.Jobs.SelectMany(j => j.Steps), s => Assert.False(
            s.Uses?.StartsWith("actions/cache", StringComparison.Ordinal) == true || s.Name == "Fingerprint the targets",
            $"{s.Name} restores or keys a cache in a publishing workflow"));
    }

    private static WorkflowModel Plan(Script script, Action<WorkflowSpec> configure)
    {
        var spec = new WorkflowSpec(typeof(IncrementalCacheSpecs));
        configure(spec);
        return WorkflowPlanner.Plan(spec.ToDeclaration(), Workflows.Graph(script.Builder()));
    }
}
