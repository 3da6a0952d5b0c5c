using System.Text;
using Pipeline.Delivery.KubernetesSecrets;
using Pipeline.Delivery.Tests.Deployment.Kubernetes;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Deployment.KubernetesSecrets;

/// <summary>
/// The secret set-up against <see cref="FakeKubernetesApi"/> on 127.0.0.1, reached through the kubeconfig a
/// CI secret holds (KUBECONFIG_DATA): created once, then left as it is; only missing keys added; refusals in one line.
/// </summary>
public sealed class KubernetesSecretTargetSpecs
{
    private const string DatabaseUrl = "postgresql://game_stats_user:s3cret-pw@db.internal:5432/game_stats";

    [Fact]
    public async Task Creates_the_opaque_secret_with_the_given_value_and_a_generated_one_labelled_as_managed_by_pipeline()
    {
        using var cluster = new FakeKubernetesApi();

        var run = await SetUpAsync(cluster);

        Assert.True(run.Succeeded, run.Output);
        var secret = cluster.Secret("mosuon", "app-secrets")!;
        Assert.Equal("Opaque", secret.Type);
        Assert.Equal("pipeline", secret.Metadata.Labels["app.kubernetes.io/managed-by"]);
        Assert.Equal(["DATABASE_URL", "JWT_SECRET"], secret.Data.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(DatabaseUrl, Text(secret.Data["DATABASE_URL"]));
        Assert.Equal(32, Convert.FromBase64String(Text(secret.Data["JWT_SECRET"])).Length); // openssl rand -base64 32
        Assert.Contains("secret app-secrets in namespace mosuon: created with DATABASE_URL (from DATABASE_URL), JWT_SECRET (generated)", run.Output, StringComparison.Ordinal);
        AssertNoValueShown(run, secret.Data.Values);
    }

    [Fact]
    public async Task A_second_run_changes_nothing_and_keeps_the_generated_value()
    {
        using var cluster = new FakeKubernetesApi();
        Assert.True((await SetUpAsync(cluster)).Succeeded);
        var first = cluster.Secret("mosuon", "app-secrets")!;
        var (jwt, version) = (Text(first.Data["JWT_SECRET"]), first.Metadata.ResourceVersion);
        var writesBefore = Writes(cluster);

        var run = await SetUpAsync(cluster);

        Assert.True(run.Succeeded, run.Output);
        var second = cluster.Secret("mosuon", "app-secrets")!;
        Assert.Equal(jwt, Text(second.Data["JWT_SECRET"]));
        Assert.Equal(version, second.Metadata.ResourceVersion);
        Assert.Equal(writesBefore, Writes(cluster));
        Assert.Contains("secret app-secrets in namespace mosuon: already there with DATABASE_URL, JWT_SECRET (values left as they are)", run.Output, StringComparison.Ordinal);
        AssertNoValueShown(run, second.Data.Values);
    }

    [Fact]
    public async Task A_secret_made_by_hand_without_a_key_gets_only_that_key_and_keeps_its_own_values_and_labels()
    {
        using var cluster = new FakeKubernetesApi();
        cluster.AddSecret("mosuon", "app-secrets", new Dictionary<string, string> { ["DATABASE_URL"] = "postgresql://set-by-hand" });

        var run = await SetUpAsync(cluster);

        Assert.True(run.Succeeded, run.Output);
        var secret = cluster.Secret("mosuon", "app-secrets")!;
        Assert.Equal("postgresql://set-by-hand", Text(secret.Data["DATABASE_URL"]));
        Assert.Equal(32, Convert.FromBase64String(Text(secret.Data["JWT_SECRET"])).Length);
        Assert.Empty(secret.Metadata.Labels); // not claimed: someone else made it
        var patch = Assert.Single(cluster.Requests, r => r.Method == "PATCH");
        Assert.DoesNotContain("DATABASE_URL", patch.Body, StringComparison.Ordinal);
        Assert.Contains("secret app-secrets in namespace mosuon: already there; added the missing JWT_SECRET (generated), left DATABASE_URL as they are", run.Output, StringComparison.Ordinal);
        AssertNoValueShown(run, secret.Data.Values);
    }

    [Fact]
    public async Task A_secret_someone_else_creates_meanwhile_is_read_again_and_its_values_kept()
    {
        using var cluster = new FakeKubernetesApi();
        cluster.BeforeNextSecretWrite = api => api.AddSecret("mosuon", "app-secrets", new Dictionary<string, string> { ["DATABASE_URL"] = "postgresql://theirs", ["JWT_SECRET"] = "theirs" });

        var run = await SetUpAsync(cluster);

        Assert.True(run.Succeeded, run.Output);
        Assert.Equal("theirs", Text(cluster.Secret("mosuon", "app-secrets")!.Data["JWT_SECRET"]));
        Assert.Contains("secret app-secrets in namespace mosuon was written by someone else meanwhile: reading it again", run.Output, StringComparison.Ordinal);
        Assert.Contains("already there with DATABASE_URL, JWT_SECRET", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, cluster.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task A_key_added_by_someone_else_between_the_read_and_the_patch_is_not_overwritten()
    {
        using var cluster = new FakeKubernetesApi();
        cluster.AddSecret("mosuon", "app-secrets", new Dictionary<string, string> { ["DATABASE_URL"] = "postgresql://set-by-hand" });
        cluster.BeforeNextSecretWrite = api => api.AddSecret("mosuon", "app-secrets", new Dictionary<string, string> { ["DATABASE_URL"] = "postgresql://set-by-hand", ["JWT_SECRET"] = "theirs" });

        var run = await SetUpAsync(cluster);

        Assert.True(run.Succeeded, run.Output);
        Assert.Equal("theirs", Text(cluster.Secret("mosuon", "app-secrets")!.Data["JWT_SECRET"]));
        Assert.Single(cluster.Requests, r => r.Method == "PATCH"); // refused with 409: it named the version read before
        Assert.Contains("already there with DATABASE_URL, JWT_SECRET", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_already_there_needs_no_value_but_a_missing_one_names_the_parameter_to_set()
    {
        using var cluster = new FakeKubernetesApi();
        cluster.AddSecret("mosuon", "app-secrets", new Dictionary<string, string> { ["DATABASE_URL"] = "postgresql://set-by-hand", ["JWT_SECRET"] = "kept" });
        cluster.AddSecret("mosuon", "other-secrets", new Dictionary<string, string> { ["JWT_SECRET"] = "kept" });

        var kept = await SetUpAsync(cluster, databaseUrl: null);
        var missing = await TargetHarness.RunPipelineAsync(new PipelineBuilder().Add<OtherSecrets>(), nameof(OtherSecrets), Variables(cluster, databaseUrl: null));

        Assert.True(kept.Succeeded, kept.Output);
        Assert.False(missing.Succeeded);
        Assert.Contains("The key DATABASE_URL takes its value from DATABASE_URL, which has none: set DATABASE_URL (or --database-url).", missing.Output, StringComparison.Ordinal);
        Assert.False(cluster.Secret("mosuon", "other-secrets")!.Data.ContainsKey("DATABASE_URL"));
    }

    [Fact]
    public async Task A_missing_namespace_is_one_line_that_says_to_create_it()
    {
        using var cluster = new FakeKubernetesApi { Namespaces = ["default"] };

        var run = await SetUpAsync(cluster);

        Assert.False(run.Succeeded);
        Assert.Contains("Namespace mosuon does not exist in the cluster (kubeconfig from a secret): create it (kubectl create namespace mosuon), then secret app-secrets can be set up in it.", run.Output, StringComparison.Ordinal);
        AssertNoStackTrace(run);
        Assert.Null(cluster.Secret("mosuon", "app-secrets"));
    }

    [Fact]
    public async Task A_refusal_of_the_api_server_is_one_line_naming_the_secret_the_namespace_and_the_status()
    {
        using var cluster = new FakeKubernetesApi();
        cluster.ForbiddenResources.Add("secrets");

        var run = await SetUpAsync(cluster);

        Assert.False(run.Succeeded);
        Assert.Contains(
            "Could not set up secret app-secrets in namespace mosuon: the API server (kubeconfig from a secret) answered 403 Forbidden: secrets \"app-secrets\" is forbidden: User \"system:serviceaccount:ci:deployer\" cannot get resource \"secrets\"",
            run.Output, StringComparison.Ordinal);
        AssertNoStackTrace(run);
        Assert.DoesNotContain(DatabaseUrl, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reaches_the_cluster_of_the_file_the_run_s_KUBECONFIG_names_when_no_secret_is_given()
    {
        using var cluster = new FakeKubernetesApi();
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(kubeconfig, cluster.Kubeconfig(), TestContext.Current.CancellationToken);
        try
        {
            var run = await TargetHarness.RunPipelineAsync(new PipelineBuilder().Add<AppSecrets>(), nameof(AppSecrets),
                new Dictionary<string, string> { ["KUBECONFIG"] = kubeconfig, ["DATABASE_URL"] = DatabaseUrl });

            Assert.True(run.Succeeded, run.Output);
            Assert.NotNull(cluster.Secret("mosuon", "app-secrets"));
            Assert.Contains($"(kubeconfig {kubeconfig})", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public async Task A_kubeconfig_secret_that_is_not_base64_is_one_line_without_its_value()
    {
        var run = await TargetHarness.RunPipelineAsync(new PipelineBuilder().Add<AppSecrets>(), nameof(AppSecrets),
            new Dictionary<string, string> { ["KUBECONFIG_DATA"] = "apiVersion: v1 # not encoded", ["DATABASE_URL"] = DatabaseUrl });

        Assert.False(run.Succeeded);
        Assert.Contains("--kubeconfig-data is not base64: encode the kubeconfig with `base64 -w0`.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not encoded", run.ShownOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kubeconfig_secret_that_is_not_a_kubeconfig_is_one_line_without_its_content()
    {
        var notAKubeconfig = Convert.ToBase64String(Encoding.UTF8.GetBytes("clusters: [ {unclosed: hunter2"));
        var run = await TargetHarness.RunPipelineAsync(new PipelineBuilder().Add<AppSecrets>(), nameof(AppSecrets),
            new Dictionary<string, string> { ["KUBECONFIG_DATA"] = notAKubeconfig, ["DATABASE_URL"] = DatabaseUrl });

        Assert.False(run.Succeeded);
        Assert.Contains("The kubeconfig from a secret is not a usable kubeconfig: ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Output, StringComparison.Ordinal);
    }

    private static Task<HarnessRun> SetUpAsync(FakeKubernetesApi cluster, string? databaseUrl = DatabaseUrl) =>
        TargetHarness.RunPipelineAsync(new PipelineBuilder().Add<AppSecrets>(), nameof(AppSecrets), Variables(cluster, databaseUrl));

    private static Dictionary<string, string> Variables(FakeKubernetesApi cluster, string? databaseUrl)
    {
        var variables = new Dictionary<string, string> { ["KUBECONFIG_DATA"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(cluster.Kubeconfig())) };
        if (databaseUrl is not null)
        {
            variables["DATABASE_URL"] = databaseUrl;
        }

        return variables;
    }

    private static int Writes(FakeKubernetesApi cluster) => cluster.Requests.Count(r => r.Method is "POST" or "PATCH" or "PUT");

    private static string Text(byte[] value) => Encoding.UTF8.GetString(value);

    /// <summary>Neither a value nor its base64 form (as the API carries it) is in what the run wrote.</summary>
    private static void AssertNoValueShown(HarnessRun run, IEnumerable<byte[]> values)
    {
        foreach (var value in values)
        {
            Assert.DoesNotContain(Text(value), run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(value), run.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(FakeKubernetesApi.Token, run.Output, StringComparison.Ordinal);
    }

    private static void AssertNoStackTrace(HarnessRun run)
    {
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Output, StringComparison.Ordinal);
    }
}

/// <summary>The parameter the specs' secret takes a value from.</summary>
public static class SecretSpecParameters
{
    public static readonly Parameter<string> DatabaseUrl = Parameter.Secret("The application's connection URL.");
}

/// <summary>The seed's app-secrets: the database URL given, the JWT signing key generated.</summary>
public sealed class AppSecrets : KubernetesSecretTarget
{
    protected override string SecretName => "app-secrets";

    protected override string SecretNamespace => "mosuon";

    protected override IEnumerable<SecretKey> Keys =>
        [SecretKey.FromParameter("DATABASE_URL", SecretSpecParameters.DatabaseUrl), SecretKey.Generated("JWT_SECRET")];
}

/// <summary>Another secret with the same keys, for a run where one of them has to be written.</summary>
public sealed class OtherSecrets : KubernetesSecretTarget
{
    protected override string SecretName => "other-secrets";

    protected override string SecretNamespace => "mosuon";

    protected override IEnumerable<SecretKey> Keys =>
        [SecretKey.FromParameter("DATABASE_URL", SecretSpecParameters.DatabaseUrl), SecretKey.Generated("JWT_SECRET")];
}
