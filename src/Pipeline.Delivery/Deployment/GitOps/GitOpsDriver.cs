using System.Text;

namespace Pipeline.Delivery;

/// <summary>
/// Deploys by committing the new image to a GitOps repository: clone the branch, set the tag in the
/// Helm values file (only that line changes) or the image's entry in the kustomization (only its
/// fields change), commit, push; when the branch moved meanwhile, rebase and push again. Deploying
/// the image the file already has makes no commit.
/// </summary>
/// <param name="token">For https remotes: sent as an HTTP header through git's environment, never in a URL or command line.</param>
internal sealed class GitOpsDriver(GitOpsSettings settings, string? token = null) : IDeploymentDriver
{
    public string Name => "gitops";

    /// <summary>A test's chance to move the remote branch between commit and push.</summary>
    internal Func<Task>? BeforeFirstPush { get; set; }

    public async Task<DeploymentResult> DeployAsync(Deployment request, TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var kind = GitOpsFile.KindOf(settings.ValuesFile);
        if (kind == GitOpsFileKind.HelmValues && request.Image.Tag is null)
        {
            throw new DeploymentFailedException($"{request.Image} has no tag; the GitOps driver writes a tag to {settings.ValuesFile}.");
        }

        var checkout = Path.Combine(Path.GetTempPath(), "pipeline-gitops", Guid.NewGuid().ToString("N")[..10]);
        try
        {
            await context.RunAsync(Git(Path.GetTempPath()).AddArguments(
                "clone", "--quiet", "--branch", settings.Branch, "--single-branch", settings.Repository, checkout)).ConfigureAwait(false);
            var git = Git(checkout);
            var file = Path.Combine(checkout, settings.ValuesFile);
            if (!File.Exists(file))
            {
                throw new DeploymentFailedException($"{settings.ValuesFile} does not exist on branch {settings.Branch} of the GitOps repository.");
            }

            if (!Edit(file, request, kind))
            {
                context.Log.Info($"{settings.ValuesFile} already at {request.Version}: nothing to commit");
                return new DeploymentResult(DeploymentOutcome.Unchanged, settings.EnvironmentUrl, $"already at {request.Version}");
            }

            var message = $"Deploy {request.Application} {request.Version} to {request.Environment}";
            await context.RunAsync(git.AddArguments("add", "--", settings.ValuesFile)).ConfigureAwait(false);
            await context.RunAsync(git.AddArguments("commit", "--quiet", "-m", message, "-m", Body(request))).ConfigureAwait(false);
            await PushAsync(git, context).ConfigureAwait(false);
            var commit = (await context.RunAsync(git.AddArguments("rev-parse", "--short", "HEAD")).ConfigureAwait(false)).Output[^1].Trim();
            return new DeploymentResult(DeploymentOutcome.Updated, settings.EnvironmentUrl, $"committed {commit} \"{message}\" to {settings.Branch}");
        }
        finally
        {
            DeleteCheckout(checkout);
        }
    }

    /// <summary>Sets the image in the values file or kustomization; false when it already had it.</summary>
    private bool Edit(string file, Deployment request, GitOpsFileKind kind)
    {
        var bytes = File.ReadAllBytes(file);
        var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        var original = Encoding.UTF8.GetString(bom ? bytes[Encoding.UTF8.Preamble.Length..] : bytes);
        string text;
        try
        {
            text = kind == GitOpsFileKind.Kustomization ? EditKustomization(original, request) : EditHelmValues(original, request);
        }
        catch (FormatException e)
        {
            // What is wrong with the file is the whole message: one line, no stack trace.
            throw new DeploymentFailedException($"{settings.ValuesFile} on {settings.Branch} of the GitOps repository: {e.Message}", e);
        }

        if (text == original)
        {
            return false;
        }

        // No byte-order mark or newline conversion: the bytes outside the value stay as they were.
        File.WriteAllText(file, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
        return true;
    }

    private string EditHelmValues(string text, Deployment request)
    {
        text = YamlScalarEditor.Set(text, settings.TagKey, request.Image.Tag!).Text;
        return settings.RepositoryKey is { } repositoryKey ? YamlScalarEditor.Set(text, repositoryKey, request.Image.Name).Text : text;
    }

    private string EditKustomization(string text, Deployment request) =>
        KustomizeImageEditor.Set(text, settings.KustomizeImage ?? request.Application, new Dictionary<string, string?>
        {
            ["newName"] = request.Image.Name,
            ["newTag"] = request.Image.Tag,
            ["digest"] = request.Image.Digest,
        });

    private async Task PushAsync(ToolCommand git, TargetContext context)
    {
        if (BeforeFirstPush is { } hook)
        {
            await hook().ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await context.RunAsync(git.AddArguments("push", "origin", "HEAD:refs/heads/" + settings.Branch)).ConfigureAwait(false);
                return;
            }
            catch (ProcessFailedException e) when (attempt < settings.PushAttempts && WasRejectedAsBehind(e))
            {
                context.Log.Warning($"{settings.Branch} moved on the remote; rebasing onto it and pushing again (attempt {attempt + 1} of {settings.PushAttempts})");
                try
                {
                    await context.RunAsync(git.AddArguments("pull", "--quiet", "--rebase", "origin", settings.Branch)).ConfigureAwait(false);
                }
                catch (ProcessFailedException rebase)
                {
                    await context.RunAsync(git.AddArguments("rebase", "--abort")).ConfigureAwait(false);
                    throw new DeploymentFailedException(
                        $"Could not rebase the deployment commit onto {settings.Branch} (did someone change the same lines of {settings.ValuesFile}?): {(rebase.LastLines.Count == 0 ? "" : rebase.LastLines[^1])}", rebase);
                }
            }
        }
    }

    /// <summary>The remote has commits we lack; anything else (auth, network) is not cured by a rebase.</summary>
    private static bool WasRejectedAsBehind(ProcessFailedException e) =>
        e.LastLines.Any(l => l.Contains("[rejected]", StringComparison.Ordinal) || l.Contains("fetch first", StringComparison.Ordinal)
            || l.Contains("non-fast-forward", StringComparison.Ordinal));

    private static string Body(Deployment request) =>
        $"Image: {request.Image}" + (request.Revision is null ? "" : $"\nRevision: {request.Revision}");

    /// <summary>git with the author, no prompts, and the token as an extra HTTP header set through the environment.</summary>
    private ToolCommand Git(string directory)
    {
        var git = new ToolCommand("git").WithWorkingDirectory(directory)
            .WithEnvironment("GIT_TERMINAL_PROMPT", "0")
            .WithEnvironment("GIT_AUTHOR_NAME", settings.AuthorName)
            .WithEnvironment("GIT_AUTHOR_EMAIL", settings.AuthorEmail)
            .WithEnvironment("GIT_COMMITTER_NAME", settings.AuthorName)
            .WithEnvironment("GIT_COMMITTER_EMAIL", settings.AuthorEmail);
        if (string.IsNullOrEmpty(token))
        {
            return git;
        }

        // GitHub accepts a token as basic auth for x-access-token; git reads GIT_CONFIG_* like `-c`, but nothing prints it.
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token));
        return git
            .WithEnvironment("GIT_CONFIG_COUNT", "1")
            .WithEnvironment("GIT_CONFIG_KEY_0", "http.extraHeader")
            .WithEnvironment("GIT_CONFIG_VALUE_0", "Authorization: Basic " + basic);
    }

    private static void DeleteCheckout(string checkout)
    {
        if (!Directory.Exists(checkout))
        {
            return;
        }

        // git makes its object files read-only.
        foreach (var path in Directory.EnumerateFiles(checkout, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }

        Directory.Delete(checkout, recursive: true);
    }
}
