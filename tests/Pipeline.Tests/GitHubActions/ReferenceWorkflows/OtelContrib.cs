using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;

// shared/reference-workflows/02-otel-dotnet-contrib-monorepo-ci.md (ci.yml, workflow "Build"), as a
// user of Pipeline would write it. One detection job turns the changed paths into the names of the
// filters that matched (computed by a target from the typed component table below, the same locally);
// lint gates and one job per component run when their filters matched; verify-aot-compat runs for the
// AOT-relevant ones; the build-test aggregator is the required check. The callees (Component.BuildTest.yml
// and the lint workflows) are reusable workflows: issue 14. Here each calling job runs a target that
// stands for its callee, so the caller's graph (ids, needs, ifs, permissions) is the description's.
namespace Pipeline.Tests.GitHubActions.ReferenceWorkflows.OtelContrib;

/// <summary>One path filter of detect-changes: its name and its globs ('!' excludes).</summary>
public sealed record PathFilter(string Name, IReadOnlyList<string> Globs);

/// <summary>
/// One component row: its filter (which may watch other components' folders too), the project the
/// callee resolves, and the callee's inputs where they differ from its defaults.
/// </summary>
public sealed record Component(string Name, string ProjectName, IReadOnlyList<string> Globs)
{
    public string CodeCovName => ProjectName.Replace("OpenTelemetry.", "", StringComparison.Ordinal);

    /// <summary>The filter whose match runs this row (a second row may share one: exporter-geneva-integration).</summary>
    public string Filter { get; init; } = Name;

    public IReadOnlyList<string> OsList { get; init; } = ["windows-2025", "ubuntu-24.04"];

    public IReadOnlyList<string> TfmList { get; init; } = ["net462", "net8.0", "net9.0", "net10.0"];

    public string? TestCaseFilter { get; init; }

    public bool TestRequireElevated { get; init; }

    public bool RunTests { get; init; } = true;

    public bool Pack { get; init; } = true;

    /// <summary>Whether verify-aot-compat runs when it changes.</summary>
    public bool Aot { get; init; }
}

public static class Declarations
{
    /// <summary>The cross-cutting filters (the description names nine; their globs are abridged).</summary>
    public static readonly IReadOnlyList<PathFilter> CrossCutting =
    [
        new("md", ["**/*.md"]),
        new("pwsh", ["**/*.ps1", "**/*.psm1"]),
        new("yml", ["**/*.yml", "**/*.yaml"]),
        new("build", ["build/**", "Directory.*", ".github/workflows/Component.BuildTest.yml", "!.github/workflows/package-*"]),
        new("github", [".github/**"]),
        new("shared", ["src/Shared/**", "!**/*.md"]),
        new("contrib-shared-tests", ["test/Shared/**", "!**/*.md"]),
        new("code", ["**/*.cs", ".editorconfig"]),
        new("aottestapp", ["test/OpenTelemetry.AotCompatibility.TestApp/**"]),
    ];

    private static readonly string[] NetFx = ["net462"];
    private static readonly string[] WindowsOnly = ["windows-2025"];

    /// <summary>
    /// The component rows the description names (with every per-row override it lists); the source
    /// has 44, all of this shape.
    /// </summary>
    public static readonly IReadOnlyList<Component> Components =
    [
        new("exporter-geneva", "Component[OpenTelemetry.Exporter.Geneva]", Globs("OpenTelemetry.Exporter.Geneva")) { Aot = true },
        new("exporter-geneva-integration", "Component[OpenTelemetry.Exporter.Geneva]", Globs("OpenTelemetry.Exporter.Geneva"))
        {
            Filter = "exporter-geneva",
            TestCaseFilter = "CategoryName=Geneva:user_events:metrics",
            TestRequireElevated = true,
            Pack = false,
        },
        new("exporter-influxdb", "OpenTelemetry.Exporter.InfluxDB", Globs("OpenTelemetry.Exporter.InfluxDB")) { Aot = true },
        new("instrumentation-aspnet", "Component[OpenTelemetry.Instrumentation.AspNet]", Globs("OpenTelemetry.Instrumentation.AspNet")) { OsList = WindowsOnly, TfmList = NetFx },
        new("instrumentation-aspnetcore", "Component[OpenTelemetry.Instrumentation.AspNetCore]", Globs("OpenTelemetry.Instrumentation.AspNetCore"))
        {
            TfmList = ["net8.0", "net9.0", "net10.0"],
            Aot = true,
        },
        new("instrumentation-aws", "Component[OpenTelemetry.Instrumentation.AWS]", Globs("OpenTelemetry.Instrumentation.AWS")) { TfmList = ["net472", "net8.0", "net9.0", "net10.0"], Aot = true },
        new("instrumentation-entityframeworkcore", "Component[OpenTelemetry.Instrumentation.EntityFrameworkCore]",
            [.. Globs("OpenTelemetry.Instrumentation.EntityFrameworkCore"), .. Globs("OpenTelemetry.Instrumentation.SqlClient")]) { Aot = true },
        new("instrumentation-eventcounters", "Component[OpenTelemetry.Instrumentation.EventCounters]", Globs("OpenTelemetry.Instrumentation.EventCounters"))
        {
            TfmList = ["net8.0", "net9.0", "net10.0"],
            Aot = true,
        },
        new("instrumentation-owin", "Component[OpenTelemetry.Instrumentation.Owin]", Globs("OpenTelemetry.Instrumentation.Owin")) { OsList = WindowsOnly, TfmList = NetFx },
        new("instrumentation-remoting", "Component[OpenTelemetry.Instrumentation.Remoting]", Globs("OpenTelemetry.Instrumentation.Remoting")) { OsList = WindowsOnly, TfmList = NetFx },
        new("resources-host", "Component[OpenTelemetry.Resources.Host]", Globs("OpenTelemetry.Resources.Host")) { OsList = ["windows-2025", "ubuntu-24.04", "macos-26"], Aot = true },
        new("resources-operatingsystem", "Component[OpenTelemetry.Resources.OperatingSystem]", Globs("OpenTelemetry.Resources.OperatingSystem"))
        {
            OsList = ["windows-2025", "ubuntu-24.04", "macos-26"],
            Aot = true,
        },
        new("resources-process", "Component[OpenTelemetry.Resources.Process]", Globs("OpenTelemetry.Resources.Process")) { Aot = true },
        new("semanticconventions", "Component[OpenTelemetry.SemanticConventions]", Globs("OpenTelemetry.SemanticConventions")) { RunTests = false, Aot = true },
        new("contrib-shared-tests", "OpenTelemetry.Contrib.Shared.Tests", ["test/OpenTelemetry.Contrib.Shared.Tests/**"]) { Filter = "contrib-shared-tests", Pack = false },
    ];

    /// <summary>The names of the filters that matched, as detect-changes publishes them (a JSON array).</summary>
    public static readonly Output<IReadOnlyList<string>> Changes = new("The names of the path filters the change matched");

    public static PipelineBuilder Pipeline() => new PipelineBuilder()
        .Add<LintMisspellSanitycheck>().Add<CodeQl>().Add<DetectChanges>()
        .Add<LintActions>().Add<LintMd>().Add<LintPwsh>().Add<TestPwsh>().Add<LintYml>().Add<LintDotnetFormat>()
        .Add<BuildTestExporterGeneva>().Add<BuildTestExporterGenevaIntegration>().Add<BuildTestExporterInfluxdb>()
        .Add<BuildTestInstrumentationAspnet>().Add<BuildTestInstrumentationAspnetcore>().Add<BuildTestInstrumentationAws>()
        .Add<BuildTestInstrumentationEntityframeworkcore>().Add<BuildTestInstrumentationEventcounters>()
        .Add<BuildTestInstrumentationOwin>().Add<BuildTestInstrumentationRemoting>()
        .Add<BuildTestResourcesHost>().Add<BuildTestResourcesOperatingsystem>().Add<BuildTestResourcesProcess>()
        .Add<BuildTestSemanticconventions>().Add<BuildTestContribSharedTests>()
        .Add<VerifyAotCompat>().Add<BuildTest>();

    public static Component Row(string name) => Components.Single(c => c.Name == name);

    /// <summary>The filter map: every cross-cutting filter, then one per component filter.</summary>
    public static IReadOnlyList<PathFilter> Filters() =>
        [.. CrossCutting.Concat(Components.Where(c => c.Filter == c.Name).Select(c => new PathFilter(c.Name, c.Globs))).DistinctBy(f => f.Name)];

    private static string[] Globs(string project) => [$"src/{project}/**", $"test/{project}.Tests/**", "!**/*.md"];
}

/// <summary>
/// The condition of a job that runs when one of these filters matched. On GitHub a job output is text,
/// so <c>contains</c> on it is a substring test, which over-triggers (<c>shared</c> matches
/// <c>contrib-shared-tests</c>); <see cref="Exact"/> tests membership of the parsed list. The source uses
/// the substring form, reproduced here. (A local run still reads the list output parsed, so there the
/// substring form tests membership: reported as a bug in the expression model.)
/// </summary>
public static class ChangedFilters
{
    public static BooleanExpression Substring(params IEnumerable<string> filters) =>
        AnyOf(filters.Select(f => Contexts.Output(Declarations.Changes).Contains(f)));

    public static BooleanExpression Exact(params IEnumerable<string> filters) =>
        AnyOf(filters.Select(f => Functions.FromJson(Contexts.Output(Declarations.Changes).AsString()).Contains(f)));

    private static BooleanExpression AnyOf(IEnumerable<BooleanExpression> terms) => terms.Aggregate((any, term) => any | term);
}

public sealed class LintMisspellSanitycheck : SeedTarget;

public sealed class CodeQl : SeedTarget;

/// <summary>Matches the changed files (git diff, or the pull request's files) against <see cref="Declarations.Filters"/>.</summary>
public sealed class DetectChanges : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.Produces(Declarations.Changes);
}

/// <summary>A job that runs after detect-changes when one of its filters matched (its job's <c>if:</c>).</summary>
public abstract class AfterDetection : SeedTarget
{
    /// <summary>The filters whose match runs it.</summary>
    public abstract IReadOnlyList<string> Filters { get; }

    /// <summary>When it runs: the source's substring test; <see cref="ChangedFilters.Exact"/> is the other choice.</summary>
    protected virtual BooleanExpression Matched => ChangedFilters.Substring(Filters);

    protected override void Configure(TargetSpec target) => target
        .DependsOn<DetectChanges>().Consumes(Declarations.Changes)
        .OnlyWhen(Matched);
}

public sealed class LintActions : AfterDetection { public override IReadOnlyList<string> Filters => ["github"]; }

public sealed class LintMd : AfterDetection { public override IReadOnlyList<string> Filters => ["md", "build"]; }

public sealed class LintPwsh : AfterDetection { public override IReadOnlyList<string> Filters => ["pwsh", "yml"]; }

public sealed class TestPwsh : AfterDetection { public override IReadOnlyList<string> Filters => ["pwsh", "build"]; }

public sealed class LintYml : AfterDetection { public override IReadOnlyList<string> Filters => ["yml", "build"]; }

public sealed class LintDotnetFormat : AfterDetection { public override IReadOnlyList<string> Filters => ["code", "build"]; }

/// <summary>Runs for the AOT-relevant components, and for <c>aot</c> (no such filter: it matches <c>aottestapp</c> as a substring), aottestapp, build and shared.</summary>
public sealed class VerifyAotCompat : AfterDetection
{
    public override IReadOnlyList<string> Filters =>
        [.. Declarations.Components.Where(c => c.Aot && c.Filter == c.Name).Select(c => c.Name), "aot", "aottestapp", "build", "shared"];
}

/// <summary>Builds, tests and packs one component row, as Component.BuildTest.yml does with the row's inputs.</summary>
public abstract class ComponentBuildTest : AfterDetection
{
    public abstract string Row { get; }

    public override IReadOnlyList<string> Filters => [Declarations.Row(Row).Filter, "build", "shared"];
}

public sealed class BuildTestExporterGeneva : ComponentBuildTest { public override string Row => "exporter-geneva"; }

public sealed class BuildTestExporterGenevaIntegration : ComponentBuildTest { public override string Row => "exporter-geneva-integration"; }

public sealed class BuildTestExporterInfluxdb : ComponentBuildTest { public override string Row => "exporter-influxdb"; }

public sealed class BuildTestInstrumentationAspnet : ComponentBuildTest { public override string Row => "instrumentation-aspnet"; }

public sealed class BuildTestInstrumentationAspnetcore : ComponentBuildTest { public override string Row => "instrumentation-aspnetcore"; }

public sealed class BuildTestInstrumentationAws : ComponentBuildTest { public override string Row => "instrumentation-aws"; }

public sealed class BuildTestInstrumentationEntityframeworkcore : ComponentBuildTest { public override string Row => "instrumentation-entityframeworkcore"; }

public sealed class BuildTestInstrumentationEventcounters : ComponentBuildTest { public override string Row => "instrumentation-eventcounters"; }

public sealed class BuildTestInstrumentationOwin : ComponentBuildTest { public override string Row => "instrumentation-owin"; }

public sealed class BuildTestInstrumentationRemoting : ComponentBuildTest { public override string Row => "instrumentation-remoting"; }

public sealed class BuildTestResourcesHost : ComponentBuildTest { public override string Row => "resources-host"; }

public sealed class BuildTestResourcesOperatingsystem : ComponentBuildTest { public override string Row => "resources-operatingsystem"; }

public sealed class BuildTestResourcesProcess : ComponentBuildTest { public override string Row => "resources-process"; }

public sealed class BuildTestSemanticconventions : ComponentBuildTest { public override string Row => "semanticconventions"; }

public sealed class BuildTestContribSharedTests : ComponentBuildTest { public override string Row => "contrib-shared-tests"; }

/// <summary>The required check: runs always, and fails when any job it needs failed or was cancelled.</summary>
public sealed class BuildTest : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .OnlyWhen(Condition.Always)
        .DependsOn<LintMisspellSanitycheck>().DependsOn<CodeQl>().DependsOn<DetectChanges>()
        .DependsOn<LintActions>().DependsOn<LintMd>().DependsOn<LintPwsh>().DependsOn<TestPwsh>().DependsOn<LintYml>().DependsOn<LintDotnetFormat>()
        .DependsOn<BuildTestExporterGeneva>().DependsOn<BuildTestExporterGenevaIntegration>().DependsOn<BuildTestExporterInfluxdb>()
        .DependsOn<BuildTestInstrumentationAspnet>().DependsOn<BuildTestInstrumentationAspnetcore>().DependsOn<BuildTestInstrumentationAws>()
        .DependsOn<BuildTestInstrumentationEntityframeworkcore>().DependsOn<BuildTestInstrumentationEventcounters>()
        .DependsOn<BuildTestInstrumentationOwin>().DependsOn<BuildTestInstrumentationRemoting>()
        .DependsOn<BuildTestResourcesHost>().DependsOn<BuildTestResourcesOperatingsystem>().DependsOn<BuildTestResourcesProcess>()
        .DependsOn<BuildTestSemanticconventions>().DependsOn<BuildTestContribSharedTests>()
        .DependsOn<VerifyAotCompat>();
}

/// <summary>The workflow <c>Build</c> (.github/workflows/ci.yml).</summary>
public sealed class Ci : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Build")
        .FileName("ci")
        .OnMergeGroup("checks_requested")
        .OnPush(branches: ["main"])
        .OnPullRequest(branches: ["main*", "instrumentation*", "exporter*", "extensions*"])
        .Concurrency(CancelInProgress.Never, Contexts.GitHub.Workflow + "-" + Contexts.GitHub.Sha) // no cancel-in-progress key: GitHub's default is false
        .Pin("actions/checkout", "1111111111111111111111111111111111111111", "v7.0.1") // stand-in commit: the description gives the version only
        .Job<LintMisspellSanitycheck>()
        .Job<CodeQl>(j => j.Permissions(Permission.Actions.Read, Permission.Contents.Read, Permission.SecurityEvents.Write))
        .Job<DetectChanges>(j => j.RunsOn("windows-2025"))
        // Each gate's if: is its target's condition (AfterDetection.Filters): the target is all its job runs.
        .Job<LintActions>(j => j.Permissions(Permission.Actions.Read, Permission.Contents.Read))
        .Job<LintMd>()
        .Job<LintPwsh>(j => j.Permissions(Permission.Contents.Read))
        .Job<TestPwsh>(j => j.Permissions(Permission.Contents.Read))
        .Job<LintYml>()
        .Job<LintDotnetFormat>()
        // typed gap: jobs from a data table (Job<T> takes a class per job, so each row has one).
        .Job<BuildTestExporterGeneva>()
        .Job<BuildTestExporterGenevaIntegration>()
        .Job<BuildTestExporterInfluxdb>()
        .Job<BuildTestInstrumentationAspnet>()
        .Job<BuildTestInstrumentationAspnetcore>()
        .Job<BuildTestInstrumentationAws>()
        .Job<BuildTestInstrumentationEntityframeworkcore>()
        .Job<BuildTestInstrumentationEventcounters>()
        .Job<BuildTestInstrumentationOwin>()
        .Job<BuildTestInstrumentationRemoting>()
        .Job<BuildTestResourcesHost>()
        .Job<BuildTestResourcesOperatingsystem>()
        .Job<BuildTestResourcesProcess>()
        .Job<BuildTestSemanticconventions>()
        .Job<BuildTestContribSharedTests>()
        .Job<VerifyAotCompat>()
        .Job<BuildTest>(j => j
            .RunsOn("ubuntu-24.04")
            .AfterBuild(s => s.Name("Check the needed jobs").Shell("bash")
                // typed gap: expression. Contexts.Needs<T>() reads one job's result; there is no typed needs.*.result
                // (the results of every job this one needs, whichever the graph derived).
                .Env("CI_SUCCESS", "${{ !contains(needs.*.result, 'failure') && !contains(needs.*.result, 'cancelled') }}")
                .Run("""
                    echo "needed jobs succeeded or were skipped: $CI_SUCCESS"
                    [ "$CI_SUCCESS" = "true" ]
                    """)));
}

/// <summary>Not in ci.yml: a gate on the exact form, so the spec shows the generator writes the other choice too.</summary>
public sealed class ExactlyShared : AfterDetection
{
    public override IReadOnlyList<string> Filters => ["shared"];

    protected override BooleanExpression Matched => ChangedFilters.Exact(Filters);
}

/// <summary>Not in the source: detect-changes and the exact-form gate.</summary>
public sealed class ExactCi : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Exact")
        .FileName("exact")
        .OnPullRequest()
        .Job<DetectChanges>(j => j.RunsOn("windows-2025"))
        .Job<ExactlyShared>();
}
