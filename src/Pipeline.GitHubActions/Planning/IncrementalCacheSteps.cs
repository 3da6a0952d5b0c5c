using Pipeline.Execution.Incremental;

namespace Pipeline.GitHubActions;

/// <summary>
/// For a job whose targets declare inputs: before the build, their fingerprints (by the engine itself,
/// <c>--fingerprints</c>, so CI and a local run agree) key a restore of the fingerprint records and the
/// output cache; after a successful build that missed, the same folders are saved under that key.
/// A restored entry is only ever a candidate: the engine still checks every fingerprint, so an older
/// entry found by prefix is safe and spares the targets whose inputs did not change.
/// </summary>
internal static class IncrementalCacheSteps
{
    public const string FingerprintsId = "fingerprints";

    public const string RestoreId = "up-to-date-outputs";

    private static readonly string Paths = ".nuke/temp/fingerprints\n.nuke/temp/cache";

    /// <summary>
    /// Around the job's build step: before it, the compiled pipeline's cache (a <c>./build.sh</c> job:
    /// build.ps1's stamp holds modification times no restore keeps) and, when its targets declare
    /// inputs, their fingerprints and the restore; after it, the save.
    /// </summary>
    public static void AddAround(
        List<StepModel> steps, WorkflowDeclaration workflow, JobTargets job, IReadOnlyList<TargetDefinition> runs, IReadOnlyList<KeyValuePair<string, string>> env)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(job);
        var at = steps.FindIndex(s => s.IsBuild);
        var build = steps[at];
        var script = build.Run!.Split(' ')[0];
        List<StepModel> before = script == "./build.sh"
            ? [.. CompiledPipelineCache.Steps(workflow.PipelineInputs, DefaultActions.Reference(DefaultActions.Cache, workflow))]
            : [];
        if (runs.Any(t => t.Inputs is not null))
        {
            var command = build.Run[(script.Length + 1)..];
            before.AddRange(BeforeBuild(JobPlanner.IdOf(job.Root), script, command, env, DefaultActions.Reference(DefaultActions.CacheRestore, workflow)));
            steps.Insert(at + 1, AfterBuild(DefaultActions.Reference(DefaultActions.CacheSave, workflow)));
        }

        steps.InsertRange(at, before);
    }

    private static IEnumerable<StepModel> BeforeBuild(
        string jobId, string script, string command, IReadOnlyList<KeyValuePair<string, string>> env, ActionReference restore)
    {
        var prefix = $"pipeline-${{{{ runner.os }}}}-{jobId}-";
        yield return StepModel.Command("Fingerprint the targets", $"{script} {command} --fingerprints", env) with { Id = FingerprintsId };
        yield return StepModel.Action(
            "Restore up-to-date outputs",
            restore,
            new("path", Paths),
            new("key", $"{prefix}${{{{ steps.{FingerprintsId}.outputs.{FingerprintReport.KeyName} }}}}"),
            new("restore-keys", prefix)) with
        { Id = RestoreId };
    }

    /// <summary>Only after success (a failed run records nothing worth keeping) and only when the exact key missed.</summary>
    private static StepModel AfterBuild(ActionReference save) =>
        StepModel.Action(
            "Save up-to-date outputs",
            save,
            new("path", Paths),
            new("key", $"${{{{ steps.{RestoreId}.outputs.cache-primary-key }}}}")) with
        {
            If = $"success() && steps.{RestoreId}.outputs.cache-hit != 'true'",
        };
}
