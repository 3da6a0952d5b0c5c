namespace Pipeline.GitHubActions;

/// <summary>One job: the targets it runs, the jobs it needs, and everything GitHub needs to run it.</summary>
/// <param name="Id">The job's key in <c>jobs:</c> (the target's name in kebab-case).</param>
/// <param name="Target">The target the job was declared for.</param>
/// <param name="Runs">The targets this job runs, in plan order: its target and the dependencies no job before it runs.</param>
/// <param name="Skips">Targets the local plan would include that other jobs run (passed to <c>--skip</c>).</param>
/// <param name="Needs">
/// What <c>needs:</c> says (job ids): the jobs it waits for, transitively reduced, and, when it runs
/// after a job whose failure must not stop it, the jobs further up whose results its <c>if:</c> names.
/// </param>
/// <param name="If">The job's <c>if:</c>, or null.</param>
/// <param name="Permissions">The job's own <c>permissions:</c>, which replace the workflow's; null when it keeps the workflow's.</param>
/// <param name="Secrets">The repository secrets the job receives (their names), and nothing else.</param>
internal sealed record JobModel(
    string Id,
    string Name,
    string Target,
    IReadOnlyList<string> Runs,
    IReadOnlyList<string> Skips,
    IReadOnlyList<string> Needs,
    string? If,
    IReadOnlyList<string> RunsOn,
    int? TimeoutMinutes,
    EnvironmentModel? Environment,
    IReadOnlyList<PermissionGrant>? Permissions,
    bool ContinueOnError,
    TargetMatrix? Matrix,
    IReadOnlyList<ServiceContainer> Services,
    IReadOnlyList<string> Secrets,
    IReadOnlyList<StepModel> Steps)
{
    /// <summary>The step that runs the targets: <c>./build.sh …</c>.</summary>
    public StepModel BuildStep => Steps.Single(s => s.IsBuild);

    /// <summary>The job's <c>outputs:</c>: each output its targets produce, read from the build step's outputs.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Outputs { get; init; } = [];

    /// <summary>For a matrix from an output: the expression its axis's values come from (<c>${{ fromJSON(needs.…) }}</c>).</summary>
    public string? MatrixFrom { get; init; }

    /// <summary>Its job-level settings beyond the typed keys above (env, concurrency, container, raw keys…).</summary>
    public JobSettingsModel Settings { get; init; } = JobSettingsModel.Empty;

    /// <summary>The reusable workflow the job calls (it then has no steps), or null.</summary>
    public CallModel? Call { get; init; }
}

/// <param name="Url">An absolute URL or an expression.</param>
internal sealed record EnvironmentModel(string Name, string? Url)
{
    /// <summary>False: the job uses the environment without creating a deployment (<c>deployment: false</c>).</summary>
    public bool Deployment { get; init; } = true;
}

/// <summary>A step: an action (<see cref="Uses"/> with inputs) or a command (<see cref="Run"/>).</summary>
/// <param name="Uses">The action reference (<c>actions/checkout@v4</c>, or <c>@&lt;sha&gt;</c> when pinned).</param>
/// <param name="UsesComment">The tag a pinned SHA stands for, written as a comment.</param>
internal sealed record StepModel(
    string Name,
    string? Uses,
    string? UsesComment,
    IReadOnlyList<KeyValuePair<string, string>> With,
    string? Run,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    string? If)
{
    /// <summary>The step that runs <c>./build.sh</c> (or <c>./build.ps1</c>): there is one per job.</summary>
    public bool IsBuild { get; init; }

    /// <summary>The step's <c>id</c>, by which a job's outputs name it; null when nothing refers to it.</summary>
    public string? Id { get; init; }

    public string? Shell { get; init; }

    public string? WorkingDirectory { get; init; }

    public bool? ContinueOnError { get; init; }

    public int? TimeoutMinutes { get; init; }

    /// <summary>Keys the typed API does not model, written after the typed ones.</summary>
    public IReadOnlyList<RawKey> Raw { get; init; } = [];

    public static StepModel Action(string name, ActionReference action, params IEnumerable<KeyValuePair<string, string>> with) =>
        new(name, action.Uses, action.Comment, [.. with], null, [], null);

    public static StepModel Command(string name, string run, IEnumerable<KeyValuePair<string, string>> env) =>
        new(name, null, null, [], run, [.. env], null);
}

/// <summary>How a step refers to an action: by tag, or by commit with the tag in a comment.</summary>
public sealed record ActionReference(string Uses, string? Comment);
