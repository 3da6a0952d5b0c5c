namespace Pipeline.GitHubActions;

/// <summary>The job's CI-only surface: steps beyond <c>./build.sh</c>, checkout and set-up, job settings, raw keys.</summary>
public sealed partial class JobSpec
{
    private readonly List<StepDeclaration> _beforeBuild = [];
    private readonly List<StepDeclaration> _afterBuild = [];
    private readonly List<KeyValuePair<string, DeclaredText>> _env = [];
    private readonly Dictionary<string, ServiceSettings> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UploadOptions> _uploads = new(StringComparer.Ordinal);
    private readonly List<DownloadRequest> _downloads = [];
    private readonly RawKeys _raw = new();
    private readonly RawKeys _rawStrategy = new();
    private readonly RawKeys _rawMatrix = new();
    private JobSurface _surface = JobSurface.Empty;

    /// <summary>The name GitHub shows for the job (default: the target's name). It may hold expressions (<c>${{ matrix.os }}</c>).</summary>
    public JobSpec Name(string displayName) => Surface(s => s with { DisplayName = DeclaredText.Of(displayName) });

    /// <summary>The name GitHub shows for the job, typed: <c>Name("Test on " + Contexts.Matrix(Os).AsString())</c>.</summary>
    public JobSpec Name(StringExpression displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        return Surface(s => s with { DisplayName = DeclaredText.Of(displayName) });
    }

    /// <summary>A variable of every step of this job (<c>env:</c> of the job). Secrets reach it only through the parameters its targets use.</summary>
    public JobSpec Env(string name, string value)
    {
        _env.Add(new(name, DeclaredText.Of(value)));
        return this;
    }

    /// <summary>A variable of every step of this job from a typed expression: <c>Env("DEPLOY", Contexts.Vars("DEPLOY"))</c>.</summary>
    public JobSpec Env(string name, Expression value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _env.Add(new(name, DeclaredText.Of(value)));
        return this;
    }

    /// <summary>
    /// A variable of the build step alone, for a value GitHub knows only once an earlier step ran:
    /// <c>BuildStepEnv("SOURCE_DATE_EPOCH", Contexts.Step("time").Output("epoch"))</c>. A parameter
    /// read from that variable gets the value, as locally from the environment.
    /// </summary>
    public JobSpec BuildStepEnv(string name, Expression value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Surface(s => s with { BuildStepEnv = [.. s.BuildStepEnv, new(name, DeclaredText.Of(value))] });
    }

    /// <summary>One run of this job per group at a time (job-level <c>concurrency:</c>); the group may hold expressions.</summary>
    public JobSpec Concurrency(string group, bool cancelInProgress = false) =>
        Surface(s => s with { Concurrency = new DeclaredConcurrency(DeclaredText.Of(group), cancelInProgress) });

    /// <summary>One run of this job per group at a time, the group typed: <c>Concurrency("deploy-" + Contexts.GitHub.Ref)</c>.</summary>
    public JobSpec Concurrency(StringExpression group, bool cancelInProgress = false)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Surface(s => s with { Concurrency = new DeclaredConcurrency(DeclaredText.Of(group), cancelInProgress) });
    }

    /// <summary>Runs the job's steps in this container (<c>container:</c>); it must hold what <c>./build.sh</c> needs.</summary>
    public JobSpec Container(string image, string? options = null) => Surface(s => s with { Container = new JobContainer(image, options) });

    /// <summary>
    /// The shell of every command step (<c>defaults.run.shell</c>). With <c>pwsh</c> or <c>powershell</c> the
    /// job runs <c>./build.ps1</c>, with <c>bash</c> or <c>sh</c> <c>./build.sh</c>; without it, a job on a
    /// <c>windows-*</c> runner runs <c>./build.ps1</c>.
    /// </summary>
    public JobSpec DefaultShell(string shell) => Surface(s => s with { DefaultShell = shell });

    /// <summary>A step before the build step (after checkout, set-up, caches and downloads); steps keep the order declared.</summary>
    public JobSpec BeforeBuild(Action<StepSpec> step) => Step(_beforeBuild, step);

    /// <summary>A step after the build step and its uploads; it runs only when the build step succeeded unless its <c>If</c> says otherwise.</summary>
    public JobSpec AfterBuild(Action<StepSpec> step) => Step(_afterBuild, step);

    /// <summary>
    /// How the repository is checked out: commits to fetch (0: the whole history), Git LFS files,
    /// submodules, and the ref (default: the one that triggered the run; it may hold an expression).
    /// </summary>
    public JobSpec Checkout(int? fetchDepth = null, bool lfs = false, CheckoutSubmodules submodules = CheckoutSubmodules.None, string? @ref = null)
    {
        if (fetchDepth is { } depth)
        {
            FetchDepth(depth);
        }

        return Surface(s => s with { Checkout = new CheckoutOptions(lfs, submodules, @ref) });
    }

    /// <summary>No <c>actions/setup-dotnet</c> step: the runner's (or container's) .NET must satisfy <c>global.json</c>.</summary>
    public JobSpec NoDotNetSetUp() => Surface(s => s with { SetUpDotNet = false });

    /// <summary>No cache step: neither the toolchains' packages nor the compiled pipeline nor up-to-date outputs.</summary>
    public JobSpec NoCaches() => Surface(s => s with { Caches = false });

    /// <summary>CI-only settings of a service container one of the job's targets uses.</summary>
    public JobSpec Service(ServiceContainer service, Action<ServiceSpec> configure)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(configure);
        var spec = new ServiceSpec();
        configure(spec);
        _services[service.Name] = spec.ToSettings();
        return this;
    }

    /// <summary>
    /// How this job uploads an artifact its targets produce: replacing one of the same name, kept this
    /// many days (1 to 90). Given for a family (see <see cref="Artifact.Member"/>), they apply to each member the job uploads.
    /// </summary>
    public JobSpec Upload(Artifact artifact, bool? overwrite = null, int? retentionDays = null)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        _uploads[artifact.Name] = new UploadOptions(overwrite, retentionDays);
        return this;
    }

    /// <summary>
    /// Downloads artifacts of this run before the build step: all of them (<paramref name="pattern"/>
    /// null) or those whose name matches, each into its own folder under <paramref name="path"/>, or
    /// all into <paramref name="path"/> itself with <paramref name="mergeMultiple"/>.
    /// </summary>
    public JobSpec DownloadArtifacts(string? pattern = null, string path = ".", bool mergeMultiple = false)
    {
        _downloads.Add(new DownloadRequest(pattern, path, mergeMultiple));
        return this;
    }

    /// <summary>
    /// Under a <c>workflow_run</c> trigger: downloads <paramref name="artifact"/> as the run that
    /// triggered this one uploaded it (<c>run-id: ${{ github.event.workflow_run.id }}</c>). Reading
    /// another run's artifacts takes <c>actions: read</c>, which the job must be granted.
    /// </summary>
    public JobSpec DownloadFromTriggeringRun(Artifact artifact, string path = ".")
    {
        ArgumentNullException.ThrowIfNull(artifact);
        _downloads.Add(new DownloadRequest(artifact.Name, path, false) { FromTriggeringRun = true });
        return this;
    }

    /// <summary>The <c>GITHUB_TOKEN</c> may read everything (<c>read-all</c>), replacing the workflow's permissions.</summary>
    public JobSpec PermissionsReadAll() => AllPermissions(PermissionAccess.Read);

    /// <summary>The <c>GITHUB_TOKEN</c> may write everything (<c>write-all</c>), replacing the workflow's permissions.</summary>
    public JobSpec PermissionsWriteAll() => AllPermissions(PermissionAccess.Write);

    /// <summary>A key of the job the typed API does not model, written after the typed ones.</summary>
    public JobSpec Raw(string key, object? value)
    {
        _raw.Add(key, value);
        return this;
    }

    /// <summary>A key of the job's <c>strategy:</c> the typed API does not model.</summary>
    public JobSpec RawStrategy(string key, object? value)
    {
        _rawStrategy.Add(key, value);
        return this;
    }

    /// <summary>A key of the job's <c>strategy.matrix:</c> the typed API does not model.</summary>
    public JobSpec RawMatrix(string key, object? value)
    {
        _rawMatrix.Add(key, value);
        return this;
    }

    private JobSpec AllPermissions(PermissionAccess access)
    {
        _permissions = null;
        return Surface(s => s with { AllPermissions = access });
    }

    private JobSpec Step(List<StepDeclaration> steps, Action<StepSpec> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var spec = new StepSpec();
        configure(spec);
        steps.Add(spec.ToDeclaration());
        return this;
    }

    private JobSpec Surface(Func<JobSurface, JobSurface> change)
    {
        _surface = change(_surface);
        return this;
    }

    /// <summary>A copy of the surface declared so far, which later calls do not change.</summary>
    private JobSurface SurfaceDeclaration() => _surface with
    {
        Env = [.. _env],
        BeforeBuild = [.. _beforeBuild],
        AfterBuild = [.. _afterBuild],
        Services = new Dictionary<string, ServiceSettings>(_services, StringComparer.Ordinal),
        Uploads = new Dictionary<string, UploadOptions>(_uploads, StringComparer.Ordinal),
        Downloads = [.. _downloads],
        Raw = _raw.ToList(),
        RawStrategy = _rawStrategy.ToList(),
        RawMatrix = _rawMatrix.ToList(),
    };
}
