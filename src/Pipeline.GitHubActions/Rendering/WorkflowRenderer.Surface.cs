using System.Collections;
using System.Globalization;

namespace Pipeline.GitHubActions;

/// <summary>What the generator writes beyond the build: other triggers, job settings, step settings, raw keys.</summary>
internal static partial class WorkflowRenderer
{
    private static YamlTree AllPermissions(PermissionAccess access) => YamlTree.Text(access == PermissionAccess.Write ? "write-all" : "read-all");

    private static YamlTree.Map PullRequestFilters(PullRequestTrigger trigger) => Filters(
        ("types", trigger.Types),
        ("branches", trigger.Branches), ("branches-ignore", trigger.BranchesIgnore),
        ("paths", trigger.Paths), ("paths-ignore", trigger.PathsIgnore));

    private static void AddTriggers(YamlTree.Map map, WorkflowSurface on)
    {
        if (on.PullRequestTarget is { } target)
        {
            map.Add("pull_request_target", PullRequestFilters(target));
        }

        if (on.MergeGroup is { } mergeGroup)
        {
            map.Add("merge_group", Filters(("types", mergeGroup.Types)));
        }

        if (on.WorkflowRun is { } run)
        {
            map.Add("workflow_run", new YamlTree.Map()
                .Add("workflows", YamlTree.List(run.Workflows))
                .Add("types", run.Types.Count == 0 ? null : YamlTree.List(run.Types))
                .Add("branches", run.Branches.Count == 0 ? null : YamlTree.List(run.Branches))
                .Add("branches-ignore", run.BranchesIgnore.Count == 0 ? null : YamlTree.List(run.BranchesIgnore)));
        }

        if (on.Release is { } release)
        {
            map.Add("release", Filters(("types", release.Types)));
        }

        if (on.RepositoryDispatch is { } dispatch)
        {
            map.Add("repository_dispatch", Filters(("types", dispatch.Types)));
        }
    }

    /// <summary>Raw keys under a trigger the typed API wrote, or a trigger of their own.</summary>
    private static void AddRawTriggers(YamlTree.Map map, WorkflowSurface on, WorkflowModel workflow)
    {
        foreach (var (trigger, raw) in on.RawTriggers)
        {
            if (map[trigger] is not YamlTree.Map node)
            {
                if (map.Contains(trigger))
                {
                    throw RawCollision(workflow, $"the workflow (trigger {trigger})", trigger);
                }

                node = new YamlTree.Map();
                map.Add(trigger, node);
            }

            if (raw is not null)
            {
                AddRaw(node, [raw], $"the workflow (trigger {trigger})", workflow);
            }
        }
    }

    private static YamlTree DispatchDefault(DispatchInput input) => input.Type switch
    {
        DispatchInputType.Boolean => YamlTree.Bool(input.Default == "true"),
        DispatchInputType.Number when double.TryParse(input.Default, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => YamlTree.Plain(input.Default!),
        _ => YamlTree.Text(input.Default!),
    };

    private static YamlTree.Map Environment(EnvironmentModel environment) => new YamlTree.Map()
        .Add("name", environment.Name)
        .Add("url", environment.Url)
        .Add("deployment", environment.Deployment ? null : YamlTree.Bool(false));

    private static void AddStrategyRaw(YamlTree.Map job, JobModel model, WorkflowModel workflow)
    {
        var settings = model.Settings;
        if (settings.RawStrategy.Count == 0 && settings.RawMatrix.Count == 0)
        {
            return;
        }

        if (job["strategy"] is not YamlTree.Map strategy)
        {
            strategy = new YamlTree.Map();
            job.Add("strategy", strategy);
        }

        if (settings.RawMatrix.Count > 0)
        {
            if (strategy["matrix"] is not YamlTree.Map matrix)
            {
                matrix = new YamlTree.Map();
                strategy.Add("matrix", matrix);
            }

            AddRaw(matrix, settings.RawMatrix, $"the job {model.Target} (strategy.matrix)", workflow);
        }

        AddRaw(strategy, settings.RawStrategy, $"the job {model.Target} (strategy)", workflow);
    }

    private static void AddSettings(YamlTree.Map job, JobModel model)
    {
        if (model.Settings.Concurrency is { } concurrency)
        {
            job.Add("concurrency", new YamlTree.Map()
                .Add("group", concurrency.Group)
                .Add("cancel-in-progress", concurrency.CancelInProgress ? YamlTree.Bool(true) : null));
        }

        if (model.Settings.Container is { } container)
        {
            job.Add("container", container.Options is null
                ? YamlTree.Text(container.Image)
                : new YamlTree.Map().Add("image", container.Image).Add("options", container.Options));
        }
    }

    private static void AddJobEnvAndDefaults(YamlTree.Map job, JobModel model)
    {
        job.Add("env", Env(model.Settings.Env));
        if (model.Settings.DefaultShell is { } shell)
        {
            job.Add("defaults", new YamlTree.Map().Add("run", new YamlTree.Map().Add("shell", shell)));
        }
    }

    /// <summary>The same port on the runner, or only the container port: the runner picks the host's.</summary>
    private static YamlTree Ports(ServiceContainer service, ServiceSettings settings) => settings.RunnerPicksHostPorts
        ? YamlTree.List(service.Ports.Select(p => YamlTree.Number(p)))
        : YamlTree.List(service.Ports.Select(p => $"{p}:{p}"), flow: false);

    private static void AddRunSettings(YamlTree.Map map, StepModel step) => map
        .Add("shell", step.Shell)
        .Add("working-directory", step.WorkingDirectory);

    private static void AddStepSettings(YamlTree.Map map, StepModel step) => map
        .Add("continue-on-error", step.ContinueOnError is { } continueOnError ? YamlTree.Bool(continueOnError) : null)
        .Add("timeout-minutes", step.TimeoutMinutes is { } minutes ? YamlTree.Number(minutes) : null);

    /// <summary>Raw keys after the typed ones; one the generator already wrote is an error, never a silent override.</summary>
    private static void AddRaw(YamlTree.Map map, IEnumerable<RawKey> raw, string owner, WorkflowModel workflow)
    {
        foreach (var key in raw)
        {
            if (map.Contains(key.Key))
            {
                throw RawCollision(workflow, owner, key.Key);
            }

            map.Add(key.Key, Tree(key.Value));
        }
    }

    private static DefinitionException RawCollision(WorkflowModel workflow, string owner, string key) => new(
        $"Workflow {workflow.Source.Name} ({workflow.Path}) cannot be generated; nothing was written: {owner} sets the raw key '{key}', " +
        "which the generator writes itself. Use the typed setting for it, or leave the raw key out.");

    /// <summary>A raw value as YAML; its kinds were checked while planning (<see cref="RawValues"/>).</summary>
    private static YamlTree Tree(object? value) => value switch
    {
        null => YamlTree.Plain("null"),
        string text => YamlTree.Text(text),
        bool flag => YamlTree.Bool(flag),
        int or long or double or decimal => YamlTree.Plain(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        IDictionary map => map.Keys.Cast<string>().Aggregate(new YamlTree.Map(), (tree, key) => tree.Add(key, Tree(map[key]))),
        IEnumerable list => YamlTree.List(list.Cast<object?>().Select(Tree)),
        _ => throw new NotSupportedException($"A raw value of type {value.GetType().Name}."),
    };
}
