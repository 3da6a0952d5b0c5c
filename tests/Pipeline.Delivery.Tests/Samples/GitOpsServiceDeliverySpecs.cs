using System.Text;
using GitOpsService.Build;
using Pipeline.Components.Tests.Scanning;
using Pipeline.Delivery.Tests.Deployment.GitOps;
using Pipeline.Delivery.Tests.Deployment.Kubernetes;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Samples;

/// <summary>
/// The GitOps seed end to end on a copy of samples/gitops-service: `./build.sh` with a fake trivy on PATH,
/// the embedded registry, a PostgreSQL container for the set-up, the Kubernetes API faked on 127.0.0.1 for the
/// secrets (named by KUBECONFIG_DATA, as CI does) and a bare repository standing in for the devops repository.
/// One class, so its runs never share the registry or the container at once.
/// </summary>
[Collection(SampleRuns.Collection)]
public sealed class GitOpsServiceDeliverySpecs
{
    private const string Values = """
        # Helm values of gitops-service in the devops repository
        image:
          repository: docker.io/codevertex/gitops-service
          tag: 0000000 # set by the pipeline
        replicaCount: 2
        """;

    private const string DatabasePassword = "role-pw-7c1e";

    [Fact]
    public async Task Build_sh_delivers_a_commit_tagged_image_by_bumping_the_helm_values_and_a_second_run_changes_nothing()
    {
        Requirements.Tool("go");
        Requirements.Tool("git");
        Requirements.Docker();
        using var sample = await SampleCopy.CommittedAsync("gitops-service");
        using var devops = new GitRepositories();
        devops.CommitUpstream("Add gitops-service", (DevopsRepository.ValuesFile, Values + "\n"));
        using var trivy = new FakeTrivy(sample, FakeTrivy.GoModuleReport);
        using var cluster = new FakeKubernetesApi { Namespaces = [SetUpSecrets.Namespace] };
        var database = TestDocker.UniqueName("postgres");
        var sha = (await Shell.RunAsync("git", ["-C", sample.Path, "rev-parse", "HEAD"])).Trim();
        try
        {
            var first = await DeliverAsync(sample, devops, database, cluster);

            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.Contains("(warning only: the scan does not block this run)", first.Output, StringComparison.Ordinal); // Development: the critical finding warns
            Assert.Equal([sha, sha[..8]], PushedImages.At(sample.Path)["gitops-service"].Tags); // the commit only: never latest
            Assert.Contains($"database {SetUpDatabase.Database}: created", first.Output, StringComparison.Ordinal);
            Assert.Contains($"role {SetUpDatabase.Role}: created", first.Output, StringComparison.Ordinal);
            var secret = cluster.Secret(SetUpSecrets.Namespace, SetUpSecrets.Secret)!;
            Assert.Equal($"postgresql://{SetUpDatabase.Role}:{DatabasePassword}@{database}:5432/{SetUpDatabase.Database}", Text(secret.Data["DATABASE_URL"]));
            var jwt = Text(secret.Data["JWT_SECRET"]);
            Assert.Equal(32, Convert.FromBase64String(jwt).Length);
            Assert.Contains("secret app-secrets in namespace mosuon: created with DATABASE_URL (worked out by the pipeline), JWT_SECRET (generated)", first.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(jwt, first.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(DatabasePassword, first.Output, StringComparison.Ordinal);
            Assert.Equal($"Deploy gitops-service {sha[..8]} to production", devops.Log()[0].Split('|')[0]);
            // A short SHA YAML would read as a number (all digits, or digits 'e' digits) is written quoted.
            var tag = System.Text.RegularExpressions.Regex.IsMatch(sha[..8], "^[0-9]+(e[0-9]+)?$") ? $"\"{sha[..8]}\"" : sha[..8];
            Assert.Equal(Values.Replace("tag: 0000000 #", $"tag: {tag} #", StringComparison.Ordinal) + "\n", devops.Show(DevopsRepository.ValuesFile));

            var secretWrites = SecretWrites(cluster);
            var second = await DeliverAsync(sample, devops, database, cluster);

            Assert.True(second.ExitCode == 0, second.ToString());
            Assert.Contains($"PostgreSQL container {database}: already there", second.Output, StringComparison.Ordinal);
            Assert.Contains($"database {SetUpDatabase.Database}: already there", second.Output, StringComparison.Ordinal);
            Assert.Contains($"role {SetUpDatabase.Role}: already there", second.Output, StringComparison.Ordinal);
            Assert.Contains($"already at {sha[..8]}: nothing to commit", second.Output, StringComparison.Ordinal);
            Assert.Equal(2, devops.Log().Length);
            Assert.Contains("secret app-secrets in namespace mosuon: already there with DATABASE_URL, JWT_SECRET (values left as they are)", second.Output, StringComparison.Ordinal);
            Assert.Equal(jwt, Text(cluster.Secret(SetUpSecrets.Namespace, SetUpSecrets.Secret)!.Data["JWT_SECRET"]));
            Assert.Equal(secret.Metadata.ResourceVersion, cluster.Secret(SetUpSecrets.Namespace, SetUpSecrets.Secret)!.Metadata.ResourceVersion);
            Assert.Equal(secretWrites, SecretWrites(cluster));
            Assert.DoesNotContain(jwt, second.Output, StringComparison.Ordinal);
        }
        finally
        {
            await Shell.TryRunAsync("docker", ["rm", "--force", database]);
            await TargetHarness.RunAsync(new EmbeddedRegistry(sample.Path).StopAsync);
        }
    }

    [Fact]
    public async Task For_production_a_critical_finding_stops_the_delivery_before_anything_is_pushed_or_committed()
    {
        Requirements.Tool("git");
        Requirements.Docker();
        using var sample = await SampleCopy.CommittedAsync("gitops-service");
        using var devops = new GitRepositories();
        devops.CommitUpstream("Add gitops-service", (DevopsRepository.ValuesFile, Values + "\n"));
        using var trivy = new FakeTrivy(sample, FakeTrivy.GoModuleReport);

        var run = await PipelineRun.RunAsync(
            GitOpsServicePipeline.Create(), sample.Path, Variables(),
            "--gitops-repository", devops.Remote, "--deploy-environment", "Production", "--skip", "Format", "Lint", "Test", "Compile", "BuildImage", "SetUpDatabase");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("1 vulnerability at or above CRITICAL in folder .: GHSA-xxxx-yyyy-zzzz", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Push +.*skipped", run.Output);
        Assert.Matches(@"(?m)^Deploy +.*skipped", run.Output);
        Assert.Single(devops.Log());
    }

    [Fact]
    public async Task Without_a_cluster_a_laptop_skips_the_secrets_with_one_line_and_ci_fails_naming_the_secret_to_set()
    {
        using var sample = SampleCopy.Of("gitops-service");
        string[] args = ["SetUpSecrets", "--skip", "SetUpDatabase"];

        var laptop = await PipelineRun.RunAsync(GitOpsServicePipeline.Create(), sample.Path, Variables(), args);
        var ci = await PipelineRun.RunAsync(GitOpsServicePipeline.Create(), sample.Path, new Dictionary<string, string>(Variables()) { ["GITHUB_ACTIONS"] = "true" }, args);

        Assert.True(laptop.ExitCode == 0, laptop.ToString());
        Assert.Contains("secret app-secrets: skipped, no cluster given (KUBECONFIG_DATA or KUBECONFIG); it is set up on a run that names one", laptop.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.TargetFailed, ci.ExitCode);
        Assert.Contains("No cluster for secret app-secrets: set the KUBECONFIG_DATA secret to a kubeconfig as one line of base64 (`base64 -w0 kubeconfig`).", ci.Output, StringComparison.Ordinal);
    }

    private static Task<PipelineRun> DeliverAsync(TempRoot sample, GitRepositories devops, string database, FakeKubernetesApi cluster)
    {
        var variables = Variables();
        variables["KUBECONFIG_DATA"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(cluster.Kubeconfig()));
        variables["DATABASE_PASSWORD"] = DatabasePassword;
        return PipelineRun.RunAsync(GitOpsServicePipeline.Create(), sample.Path, variables, "--gitops-repository", devops.Remote, "--database-container", database);
    }

    private static int SecretWrites(FakeKubernetesApi cluster) =>
        cluster.Requests.Count(r => r.Method != "GET" && r.Path.Contains("/secrets", StringComparison.Ordinal));

    private static string Text(byte[] value) => Encoding.UTF8.GetString(value);

    /// <summary>The local PostgreSQL image CI names (no registry is reachable there), when this machine has one.</summary>
    private static Dictionary<string, string> Variables() =>
        Environment.GetEnvironmentVariable("PIPELINE_POSTGRES_IMAGE") is { Length: > 0 } image ? new() { ["PIPELINE_POSTGRES_IMAGE"] = image } : [];
}
