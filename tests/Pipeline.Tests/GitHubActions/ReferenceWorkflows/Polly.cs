using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;

// shared/reference-workflows/01-polly-dotnet-build-sign-publish.md, as a user of Pipeline would write
// it: build, test and pack on three OSes (an include-only matrix), validate the packages, sign them
// (tags only, OIDC to Azure), validate the signatures and attest, publish with trusted publishing,
// then tell another workflow through repository_dispatch. Target bodies are trivial: only the
// declarations matter to the generator.
namespace Pipeline.Tests.GitHubActions.ReferenceWorkflows.Polly;

public static class Declarations
{
    // Per-cell fields of the include-only matrix: the check name, the artifact suffix and the runner.
    public static readonly MatrixAxis JobName = MatrixAxis.Of("job-name");

    public static readonly MatrixAxis OsName = MatrixAxis.Of("os-name");

    public static readonly MatrixAxis Runner = MatrixAxis.Of("runner");

    // The build job's seven outputs. Every leg computes the same values (the description says so), so
    // they come from a target without a matrix that the build target depends on.
    public static readonly Output<string> DotnetSdkVersion = new("The .NET SDK version global.json resolves to");

    public static readonly Output<string> PackageNames = new("The packages the build made, comma-separated");

    public static readonly Output<string> PackageVersion = new("The version of those packages");

    public static readonly Output<string> AuthenticodelintVersion = new("AuthenticodeLint's version in .config/dotnet-tools.json");

    public static readonly Output<string> DotnetSignVersion = new("The Sign CLI's version in .config/dotnet-tools.json");

    public static readonly Output<string> DotnetValidateVersion = new("dotnet-validate's version in .config/dotnet-tools.json");

    public static readonly Output<string> NugetPackageValidationVersion = new("The NuGet package validation tool's version in .config/dotnet-tools.json");

    public static readonly Artifact SignedPackages = Artifact.Of("signed-packages", "packages");

    // The ten secrets the workflow reads by name, and the built-in token.
    public static readonly Parameter<string> CodecovToken = Parameter.Secret("Codecov upload token");

    public static readonly Parameter<string> SignCliApplicationId = Parameter.Secret("Azure application (client) id of the signing identity");

    public static readonly Parameter<string> SignCliSubscriptionId = Parameter.Secret("Azure subscription of the key vault");

    public static readonly Parameter<string> SignCliTenantId = Parameter.Secret("Azure tenant of the signing identity");

    // The Sign target reads these under the names the Sign CLI expects; the repository secrets have
    // other names (WorkflowSpec.Secret maps them).
    public static readonly Parameter<string> AzureKeyVaultCertificate = Parameter.Secret("Name of the signing certificate in the key vault");

    public static readonly Parameter<string> AzureKeyVaultUrl = Parameter.Secret("URL of the key vault");

    public static readonly Parameter<string> NugetUser = Parameter.Secret("The gallery account trusted publishing logs in as");

    public static readonly Parameter<string> PollyUpdaterBotAppId = Parameter.Secret("Client id of the GitHub App that dispatches to the follow-up workflow");

    public static readonly Parameter<string> PollyUpdaterBotKey = Parameter.Secret("Private key of that GitHub App");

    public static readonly Parameter<string> GhToken = Parameter.Secret("The run's GITHUB_TOKEN, for the package validator's GitHub calls");

    /// <summary>
    /// Sign's job condition: a tag, outside forks. Typed, but written as the job's raw <c>if:</c>
    /// (see the workflow): as a target condition it would skip Sign alone and let the jobs after it run.
    /// </summary>
    public static readonly BooleanExpression TagOutsideForks =
        Contexts.GitHub.Event["repository"]["fork"] == false & Contexts.GitHub.Ref.StartsWith("refs/tags/");

    /// <summary>The gallery's environment. Stand-ins: the project's rules keep registry host names out of its files.</summary>
    public const string GalleryEnvironment = "nuget-gallery";

    public const string GalleryProfile = "https://gallery.example/profiles/Polly";

    public const string GallerySource = "https://gallery.example/v3/index.json";

    public static PipelineBuilder Pipeline() => new PipelineBuilder()
        .Add<Versions>().Add<Build>().Add<ValidatePackages>().Add<Sign>().Add<ValidateSignedPackages>().Add<PublishNuget>();
}

/// <summary>Reads the SDK version, the package version and names, and the tool versions of .config/dotnet-tools.json.</summary>
public sealed class Versions : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .Produces(Declarations.DotnetSdkVersion).Produces(Declarations.PackageNames).Produces(Declarations.PackageVersion)
        .Produces(Declarations.AuthenticodelintVersion).Produces(Declarations.DotnetSignVersion)
        .Produces(Declarations.DotnetValidateVersion).Produces(Declarations.NugetPackageValidationVersion);
}

/// <summary>build.ps1: build, test and pack, on each OS.</summary>
public sealed class Build : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<Versions>()
        .Matrix(m => m
            .Include((Declarations.JobName, "macos-latest"), (Declarations.OsName, "macos"), (Declarations.Runner, "macos-26"))
            .Include((Declarations.JobName, "ubuntu-latest"), (Declarations.OsName, "linux"), (Declarations.Runner, "ubuntu-24.04"))
            .Include((Declarations.JobName, "windows-latest"), (Declarations.OsName, "windows"), (Declarations.Runner, "windows-2025"))
            .RunsOn(Declarations.Runner)
            .FailFast(false));
}

/// <summary>dotnet-validate and the NuGet package validator over every package of the Windows leg.</summary>
public sealed class ValidatePackages : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<Build>()
        .Consumes(Declarations.DotnetSdkVersion).Consumes(Declarations.DotnetValidateVersion).Consumes(Declarations.NugetPackageValidationVersion)
        .Requires(Declarations.GhToken);
}

/// <summary>Authenticode-signs the packages with the key vault's certificate.</summary>
public sealed class Sign : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<ValidatePackages>()
        .Consumes(Declarations.DotnetSdkVersion).Consumes(Declarations.DotnetSignVersion)
        .Requires(Declarations.AzureKeyVaultCertificate).Requires(Declarations.AzureKeyVaultUrl)
        .Produces(Declarations.SignedPackages);
}

/// <summary>dotnet-validate, AuthenticodeLint on every DLL, and dotnet nuget verify, over the signed packages.</summary>
public sealed class ValidateSignedPackages : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<Sign>()
        .Consumes(Declarations.DotnetSdkVersion).Consumes(Declarations.DotnetValidateVersion).Consumes(Declarations.AuthenticodelintVersion)
        .Consumes(Declarations.SignedPackages);
}

/// <summary>Publishes the signed packages; in CI the push itself is a step (see the workflow).</summary>
public sealed class PublishNuget : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<ValidateSignedPackages>()
        .Consumes(Declarations.DotnetSdkVersion).Consumes(Declarations.PackageNames).Consumes(Declarations.PackageVersion)
        .Consumes(Declarations.SignedPackages);
}

/// <summary>The workflow <c>build</c> (.github/workflows/build.yml).</summary>
public sealed class BuildWorkflow : Workflow
{
    // Stand-in commits: the description records each action's version, not its commit.
    private const string CheckoutSha = "1111111111111111111111111111111111111111";
    private const string SetupDotNetSha = "2222222222222222222222222222222222222222";
    private const string UploadArtifactSha = "3333333333333333333333333333333333333333";
    private const string DownloadArtifactSha = "4444444444444444444444444444444444444444";
    private const string CodecovSha = "5555555555555555555555555555555555555555";
    private const string SbomSha = "6666666666666666666666666666666666666666";
    private const string AzureLoginSha = "7777777777777777777777777777777777777777";
    private const string AttestSha = "8888888888888888888888888888888888888888";
    private const string NuGetLoginSha = "9999999999999999999999999999999999999999";
    private const string AppTokenSha = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string DispatchSha = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private static readonly ValueExpression SdkFromBuild = Contexts.Output(Declarations.DotnetSdkVersion);

    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("build")
        .FileName("build")
        .OnPush(branches: ["main", "release/*"], tags: ["*"])
        .OnPullRequest()
        .OnWorkflowDispatch()
        .Permissions()
        .Env("DOTNET_CLI_TELEMETRY_OPTOUT", "true")
        .Env("DOTNET_GENERATE_ASPNET_CERTIFICATE", "false")
        .Env("DOTNET_NOLOGO", "true")
        .Env("DOTNET_SKIP_FIRST_TIME_EXPERIENCE", "true")
        .Env("DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION", "1")
        .Env("NUGET_XMLDOC_MODE", "skip")
        .Env("TERM", "xterm")
        .Pin("actions/checkout", CheckoutSha, "v7.0.1")
        .Pin("actions/setup-dotnet", SetupDotNetSha, "v6.0.0")
        .Pin("actions/upload-artifact", UploadArtifactSha, "v7.0.1")
        .Pin("actions/download-artifact", DownloadArtifactSha, "v8.0.1")
        .Pin("codecov/codecov-action", CodecovSha, "v7.0.0")
        .Pin("anchore/sbom-action", SbomSha, "v0.24.0")
        .Pin("azure/login", AzureLoginSha, "v3.0.1")
        .Pin("actions/attest", AttestSha, "v4.2.2")
        .Pin("NuGet/login", NuGetLoginSha, "v1.2.0")
        .Pin("actions/create-github-app-token", AppTokenSha, "v3.2.0")
        .Pin("peter-evans/repository-dispatch", DispatchSha, "v4.0.1")
        .Secret(Declarations.AzureKeyVaultCertificate, "SIGN_CLI_CERT_NAME")
        .Secret(Declarations.AzureKeyVaultUrl, "SIGN_CLI_VAULT_URI")
        .Secret(Declarations.GhToken, "GITHUB_TOKEN")
        .Job<Build>(BuildJob)
        .Job<ValidatePackages>(j => j
            .RunsOn("ubuntu-24.04")
            .NoDotNetSetUp().NoCaches()
            .BeforeBuild(s => s.Name("Download packages").Uses("actions/download-artifact")
                .With("name", "packages-windows")) // typed gap: one matrix leg's artifact (Consumes downloads every leg's)
            .BeforeBuild(s => s.Name("Setup .NET SDK").Uses("actions/setup-dotnet").With("dotnet-version", SdkFromBuild))
            .BeforeBuild(s => s.Name("Install NuGet package validation tools").Shell("pwsh")
                .Env("DOTNET_VALIDATE_VERSION", Contexts.Output(Declarations.DotnetValidateVersion))
                .Env("NUGET_PACKAGE_VALIDATION_VERSION", Contexts.Output(Declarations.NugetPackageValidationVersion))
                .Run("""
                    dotnet tool install --global dotnet-validate --version ${env:DOTNET_VALIDATE_VERSION} --allow-roll-forward
                    dotnet tool install --global Meziantou.Framework.NuGetPackageValidation.Tool --version ${env:NUGET_PACKAGE_VALIDATION_VERSION} --allow-roll-forward
                    """)))
        .Job<Sign>(j => j
            .RunsOn("windows-2025")
            .Environment("Azure", deployment: false)
            .Permissions(Permission.IdToken.Write)
            // typed gap: a job if: of GitHub's alone. The expression is typed, the key raw: as Sign's target
            // condition (OnlyWhen) it would skip Sign only, as a local run does, and the generator would let
            // validate-signed-packages and publish-nuget run after the skip (!cancelled() && !failure());
            // the source has no if: on them and relies on GitHub skipping the dependants of a skipped job.
            .Raw("if", Declarations.TagOutsideForks.ToString())
            .NoDotNetSetUp().NoCaches()
            .BeforeBuild(s => s.Name("Download unsigned packages").Uses("actions/download-artifact")
                .With("name", "packages-windows").With("path", "packages")) // typed gap: one matrix leg's artifact
            .BeforeBuild(s => s.Name("Download signing configuration").Uses("actions/download-artifact")
                .With("name", "signing-config").With("path", "signing-config")) // typed gap: an artifact one leg uploads by a step
            .BeforeBuild(s => s.Name("Setup .NET SDK").Uses("actions/setup-dotnet").With("dotnet-version", SdkFromBuild))
            .BeforeBuild(s => s.Name("Install Sign CLI tool")
                .Env("DOTNET_SIGN_VERSION", Contexts.Output(Declarations.DotnetSignVersion))
                .Run("dotnet tool install --tool-path . sign --version ${env:DOTNET_SIGN_VERSION}"))
            .BeforeBuild(s => s.Name("Azure log in").Uses("azure/login")
                .With("client-id", Declarations.SignCliApplicationId)
                .With("subscription-id", Declarations.SignCliSubscriptionId)
                .With("tenant-id", Declarations.SignCliTenantId)))
        .Job<ValidateSignedPackages>(j => j
            .RunsOn("windows-2025")
            .Permissions(Permission.Attestations.Write, Permission.Contents.Read, Permission.IdToken.Write)
            .NoDotNetSetUp().NoCaches()
            .BeforeBuild(s => s.Name("Download SBOM").Uses("actions/download-artifact")
                .With("name", "polly.spdx.json").With("path", "./artifacts")) // typed gap: an artifact an action uploads
            .BeforeBuild(s => s.Name("Setup .NET SDK").Uses("actions/setup-dotnet").With("dotnet-version", SdkFromBuild))
            .AfterBuild(s => s.Name("Extract NuGet package contents").Shell("pwsh").Run("""
                foreach ($package in Get-ChildItem -Path packages -Filter "*.nupkg") {
                  Expand-Archive -Path $package.FullName -DestinationPath (Join-Path "artifacts" $package.BaseName) -Force
                }
                """))
            .AfterBuild(s => s.Name("Attest artifacts").Uses("actions/attest")
                .With("subject-path", "./artifacts/polly.spdx.json\n./artifacts/*/lib/**/*")))
        .Job<PublishNuget>(j => j
            .RunsOn("ubuntu-24.04")
            .Environment(Declarations.GalleryEnvironment, Declarations.GalleryProfile)
            .Permissions(Permission.IdToken.Write)
            .NoDotNetSetUp().NoCaches()
            .BeforeBuild(s => s.Name("Setup .NET SDK").Uses("actions/setup-dotnet").With("dotnet-version", SdkFromBuild))
            .BeforeBuild(s => s.Name("NuGet log in").Uses("NuGet/login").Id("nuget-login").With("user", Declarations.NugetUser))
            // typed gap: a step's output cannot reach the build step's env, so the push is a step of its own.
            .AfterBuild(s => s.Name("Push signed NuGet packages")
                .Env("NUGET_API_KEY", Contexts.Step("nuget-login").Output("NUGET_API_KEY"))
                .Env("PACKAGE_VERSION", Contexts.Output(Declarations.PackageVersion))
                .Env("SOURCE", Declarations.GallerySource)
                .Run("""
                    dotnet nuget push "packages/*.nupkg" --api-key "${NUGET_API_KEY}" --skip-duplicate --source "${SOURCE}"
                    echo "::notice title=NuGet gallery::Published version ${PACKAGE_VERSION}."
                    """))
            .AfterBuild(s => s.Name("Generate GitHub application token").Uses("actions/create-github-app-token").Id("generate-application-token")
                .With("client-id", Declarations.PollyUpdaterBotAppId)
                .With("private-key", Declarations.PollyUpdaterBotKey)
                .With("permission-contents", "write"))
            .AfterBuild(s => s.Name("Publish nuget_packages_published").Uses("peter-evans/repository-dispatch")
                .With("event-type", "nuget_packages_published")
                .With("token", Contexts.Step("generate-application-token").Output("token"))
                .With("client-payload", ClientPayload)));

    // The JSON literal of the source, the outputs typed (written into it as ${{ }}, unescaped, as the source does).
    private static StringExpression ClientPayload =>
        "{\n  \"packages\": \"" + Contexts.Output(Declarations.PackageNames).AsString()
        + "\",\n  \"version\": \"" + Contexts.Output(Declarations.PackageVersion).AsString() + "\"\n}";

    private static void BuildJob(JobSpec job) => job
        .Name(Contexts.Matrix(Declarations.JobName).AsString())
        .Timeout(TimeSpan.FromMinutes(20))
        .Permissions(Permission.Actions.Read, Permission.Contents.Write)
        .DefaultShell("pwsh")
        .Checkout(fetchDepth: 0)
        .NoCaches()
        .BeforeBuild(s => s.Name("Update agent configuration").Shell("pwsh").Run("""
            # The OS is decided here, not by a step if: Windows keeps the SDK and packages on the D: drive.
            $packages = if ($IsWindows) { 'D:\.nuget\packages' } else { Join-Path $HOME '.nuget/packages' }
            if ($IsWindows) {
              Add-Content -Path $env:GITHUB_ENV -Value 'DOTNET_INSTALL_DIR=D:\tools\dotnet', 'DOTNET_ROOT=D:\tools\dotnet'
            } else {
              New-Item -ItemType Directory -Force -Path $packages | Out-Null
            }
            Add-Content -Path $env:GITHUB_ENV -Value "NUGET_PACKAGES=$packages"
            """))
        .BeforeBuild(s => s.Name("Get Git commit timestamp").Id("get-commit-timestamp").Shell("pwsh").Run("""
            $epoch = git log -1 --pretty=%ct
            "epoch=$epoch" >> ${env:GITHUB_OUTPUT}
            """))
        .BuildStepEnv("SOURCE_DATE_EPOCH", Contexts.Step("get-commit-timestamp").Output("epoch"))
        .BeforeBuild(s => s.Name("Setup .NET SDKs").Uses("actions/setup-dotnet").With("dotnet-version", "8.0.x\n9.0.x"))
        .AfterBuild(s => s.Name("Upload Coverage Reports").Uses("actions/upload-artifact").If(Functions.Always())
            .With("name", "coverage-" + OsName) // typed gap: an artifact named by one chosen matrix field (see Publish NuGet packages)
            .With("path", "./artifacts/coverage-reports")
            .With("if-no-files-found", "ignore")) // typed gap: if-no-files-found: ignore
        .AfterBuild(s => s.Name("Upload coverage to Codecov").Uses("codecov/codecov-action")
            .If(Functions.Always() & Contexts.GitHub.Event["repository"]["fork"] == false)
            .With("flags", OsName)
            .With("token", Declarations.CodecovToken))
        .AfterBuild(s => s.Name("Upload test results to Codecov").Uses("codecov/codecov-action")
            .If(!Functions.Cancelled())
            .With("flags", OsName)
            .With("report_type", "test_results")
            .With("token", Declarations.CodecovToken))
        .AfterBuild(s => s.Name("Publish NuGet packages").Uses("actions/upload-artifact")
            // typed gap: an artifact named by one chosen matrix field. Produces in an include-only matrix names
            // it by every field (packages-<job-name>-<os-name>-<runner>); the later jobs download packages-windows.
            .With("name", "packages-" + OsName)
            .With("path", "./artifacts/package/release")
            .With("if-no-files-found", "error"))
        .AfterBuild(s => s.Name("Upload signing file list").Uses("actions/upload-artifact")
            .If(Contexts.Matrix(Declarations.OsName) == "windows")
            .With("name", "signing-config").With("path", "eng/signing").With("if-no-files-found", "error"))
        .AfterBuild(s => s.Name("Generate SBOM").Uses("anchore/sbom-action")
            .If(Contexts.Runner.Os == "Windows")
            .With("path", "./artifacts/bin")
            .With("output-file", "./artifacts/polly.spdx.json")
            .With("artifact-name", "polly.spdx.json")
            .With("upload-release-assets", true));

    private static StringExpression OsName => Contexts.Matrix(Declarations.OsName).AsString();
}
