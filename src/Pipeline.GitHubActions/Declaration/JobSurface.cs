namespace Pipeline.GitHubActions;

/// <summary>
/// What a <see cref="JobSpec"/> declared beyond where the job runs: its CI-only steps, checkout and
/// set-up choices, job-level settings and raw keys, as immutable data.
/// </summary>
internal sealed record JobSurface
{
    public static JobSurface Empty { get; } = new();

    public DeclaredText? DisplayName { get; init; }

    public IReadOnlyList<KeyValuePair<string, DeclaredText>> Env { get; init; } = [];

    /// <summary>Variables of the build step alone (values known only after earlier steps ran).</summary>
    public IReadOnlyList<KeyValuePair<string, DeclaredText>> BuildStepEnv { get; init; } = [];

    public DeclaredConcurrency? Concurrency { get; init; }

    public JobContainer? Container { get; init; }

    /// <summary><c>defaults.run.shell</c>; also picks <c>./build.ps1</c> (pwsh, powershell) or <c>./build.sh</c>.</summary>
    public string? DefaultShell { get; init; }

    public IReadOnlyList<StepDeclaration> BeforeBuild { get; init; } = [];

    public IReadOnlyList<StepDeclaration> AfterBuild { get; init; } = [];

    public CheckoutOptions Checkout { get; init; } = CheckoutOptions.Default;

    public bool SetUpDotNet { get; init; } = true;

    public bool Caches { get; init; } = true;

    /// <summary>Settings per service container name.</summary>
    public IReadOnlyDictionary<string, ServiceSettings> Services { get; init; } = new Dictionary<string, ServiceSettings>();

    /// <summary>Upload settings per artifact name.</summary>
    public IReadOnlyDictionary<string, UploadOptions> Uploads { get; init; } = new Dictionary<string, UploadOptions>();

    public IReadOnlyList<DownloadRequest> Downloads { get; init; } = [];

    /// <summary><c>read-all</c> or <c>write-all</c>, replacing the workflow's permissions; null when not declared.</summary>
    public PermissionAccess? AllPermissions { get; init; }

    public IReadOnlyList<RawKey> Raw { get; init; } = [];

    public IReadOnlyList<RawKey> RawStrategy { get; init; } = [];

    public IReadOnlyList<RawKey> RawMatrix { get; init; } = [];
}

internal sealed record JobConcurrency(string Group, bool CancelInProgress);

internal sealed record DeclaredConcurrency(DeclaredText Group, bool CancelInProgress);

internal sealed record JobContainer(string Image, string? Options);

internal sealed record CheckoutOptions(bool Lfs, CheckoutSubmodules Submodules, string? Ref)
{
    public static CheckoutOptions Default { get; } = new(false, CheckoutSubmodules.None, null);
}

internal sealed record UploadOptions(bool? Overwrite, int? RetentionDays);

/// <summary>Every artifact of this run (no pattern) or those matching a pattern, into a folder.</summary>
internal sealed record DownloadRequest(string? Pattern, string Path, bool MergeMultiple)
{
    /// <summary>From the run whose completion triggered this one (<c>workflow_run</c>), not from this run.</summary>
    public bool FromTriggeringRun { get; init; }
}

/// <summary>Which submodules the checkout fetches.</summary>
public enum CheckoutSubmodules
{
    None,

    /// <summary>The repository's own submodules (<c>submodules: true</c>).</summary>
    TopLevel,

    /// <summary>Submodules of submodules too (<c>submodules: recursive</c>).</summary>
    Recursive,
}
