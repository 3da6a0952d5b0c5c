using System.Text.RegularExpressions;

namespace Pipeline.GitHubActions;

/// <summary>
/// The steps a job declares beyond <c>./build.sh</c> (<see cref="StepSpec"/>), checked and written
/// as models: an action referenced by a pin or its own ref, or a command; secrets only through
/// secret parameters, which the job then receives.
/// </summary>
internal sealed partial class UserSteps(WorkflowDeclaration workflow, Problems problems, string job, IExpressionNames names)
{
    private const string DockerScheme = "docker://";

    private readonly List<string> _secrets = [];
    private readonly HashSet<string> _ids = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The ids of the steps the generator adds to a job, which conditions and outputs refer to.</summary>
    private static readonly HashSet<string> GeneratedIds = new(
        [JobPlanner.BuildStepId, IncrementalCacheSteps.FingerprintsId, IncrementalCacheSteps.RestoreId, CompiledPipelineCache.StepId, JobSteps.RunReportStepId],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The repository secrets the steps read (their names).</summary>
    public IReadOnlyList<string> Secrets => _secrets;

    public IEnumerable<StepModel> Plan(IEnumerable<StepDeclaration> steps, string when) =>
        [.. steps.Select((step, i) => Plan(step, $"the job {job}: its step {step.Id ?? step.Name ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} {when}"))];

    private StepModel Plan(StepDeclaration step, string owner)
    {
        Check(step, owner);
        var reference = step.Uses is { } uses ? Reference(uses, owner) : null;
        return new StepModel(
            step.Name ?? DefaultName(step),
            reference?.Uses,
            reference?.Comment,
            [.. step.With.Select(w => new KeyValuePair<string, string>(w.Key, Value(w.Value)))],
            step.Run,
            [.. step.Env.Select(e => new KeyValuePair<string, string>(e.Key, Value(e.Value)))],
            step.If ?? (step.IfCondition is { } condition ? GitHubExpression.Of(condition, names) : null))
        {
            Id = step.Id,
            Shell = step.Shell,
            WorkingDirectory = step.WorkingDirectory,
            ContinueOnError = step.ContinueOnError,
            TimeoutMinutes = JobPlanner.WholeMinutes(step.Timeout),
            Raw = step.Raw,
        };
    }

    /// <summary>
    /// <c>owner/repo[/path]</c> pinned with <see cref="WorkflowSpec.Pin"/>, else by the action lock:
    /// at the ref written (<c>@v3</c>), or at the action's locked tag when none is. A commit ref and a
    /// local (<c>./</c>) action are written as given, a <c>docker://</c> image with its locked digest.
    /// What the lock cannot resolve stays as written, and the unpinned-uses rule names the command
    /// that locks it.
    /// </summary>
    private ActionReference? Reference(string uses, string owner)
    {
        if (uses.StartsWith("./", StringComparison.Ordinal))
        {
            return new ActionReference(uses, null);
        }

        if (uses.StartsWith(DockerScheme, StringComparison.Ordinal))
        {
            var image = uses[DockerScheme.Length..];
            return new ActionReference(ActionLock.HasDigest(image) ? uses : DockerScheme + (workflow.Lock.Pinned(image) ?? image), null);
        }

        var at = uses.IndexOf('@', StringComparison.Ordinal);
        var action = at < 0 ? uses : uses[..at];
        if (!ActionName().IsMatch(action))
        {
            problems.Add($"{owner} uses '{uses}', which is not an action: write owner/repo (or owner/repo/path), ./local/path or docker://image.");
            return null;
        }

        if (at >= 0)
        {
            var reference = uses[(at + 1)..];
            if (workflow.Pins.ContainsKey(action))
            {
                problems.Add($"{owner} uses {uses} with its own ref, but the workflow pins that action: write it without '@' to use the pin.");
            }

            return Identifiers.IsCommitSha(reference) ? new ActionReference(uses, null)
                : workflow.Lock.Resolve(action, reference) is { } locked ? new ActionReference($"{action}@{locked.Sha}", locked.Tag)
                : new ActionReference(uses, null);
        }

        if (workflow.Pins.TryGetValue(uses, out var pin))
        {
            return new ActionReference($"{uses}@{pin.CommitSha}", pin.Tag);
        }

        return workflow.Lock.Resolve(uses, tag: null) is { } newest
            ? new ActionReference($"{uses}@{newest.Sha}", newest.Tag)
            : new ActionReference(uses, null);
    }

    private void Check(StepDeclaration step, string owner)
    {
        if ((step.Uses is null) == (step.Run is null))
        {
            problems.Add($"{owner} must either use an action (Uses) or run a command (Run), and not both.");
        }

        if (step.Uses is not null && (step.Shell is not null || step.WorkingDirectory is not null))
        {
            problems.Add($"{owner} uses an action, so it takes no shell or working directory (only a Run step does).");
        }

        if (step.Run is not null && step.With.Count > 0)
        {
            problems.Add($"{owner} runs a command, so it takes no action inputs (With).");
        }

        if (step.Run is { } run && run.Trim().Length == 0)
        {
            problems.Add($"{owner} runs an empty command.");
        }

        if (step.Id is { } id)
        {
            if (!Identifiers.IsJobId(id))
            {
                problems.Add($"{owner} has the id '{id}', which GitHub rejects: letters, digits, '-' and '_', starting with a letter or '_'.");
            }
            else if (GeneratedIds.Contains(id))
            {
                problems.Add($"{owner} has the id '{id}', which a step Pipeline generates has: choose another.");
            }
            else if (!_ids.Add(id))
            {
                problems.Add($"{owner} has the id '{id}', which another step of the job has.");
            }
        }

        foreach (var name in step.Env.Select(e => e.Key).Where(n => !Identifiers.IsEnvName(n)))
        {
            problems.Add($"{owner} sets the variable '{name}': use letters, digits and '_', not starting with a digit.");
        }

        foreach (var (key, value) in step.With.Concat(step.Env))
        {
            if (value.Secret is { IsSecret: false } notSecret)
            {
                problems.Add($"{owner} passes {notSecret.Name} as {key}, but it is not a secret parameter: write its value, or declare it with Parameter.Secret.");
            }
        }

        SecretsGuard.Check(problems, owner, [
            step.Name ?? "", step.If ?? "", step.Run ?? "", step.Shell ?? "", step.WorkingDirectory ?? "",
            .. step.With.Select(w => w.Value.Text ?? ""), .. step.Env.Select(e => e.Value.Text ?? "")]);
        RawValues.Check(problems, owner, step.Raw);
    }

    private string Value(StepValue value)
    {
        if (value.Typed is { } typed)
        {
            return ExpressionText.AsValue(typed.Node, names);
        }

        if (value.Secret is not { } secret)
        {
            return value.Text ?? "";
        }

        var name = workflow.SecretNames.GetValueOrDefault(secret) ?? ((IParameter)secret).EnvironmentName;
        if (!_secrets.Contains(name))
        {
            _secrets.Add(name);
        }

        return $"${{{{ secrets.{name} }}}}";
    }

    private static string DefaultName(StepDeclaration step) =>
        step.Uses is { } uses ? uses.Split('@')[0]
        : step.Run!.Split('\n')[0].Trim() is { Length: > 60 } line ? line[..57] + "..." : step.Run!.Split('\n')[0].Trim();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?$")]
    private static partial Regex ActionName();
}
