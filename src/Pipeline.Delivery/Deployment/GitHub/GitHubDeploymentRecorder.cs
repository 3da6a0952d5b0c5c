using System.Collections.ObjectModel;
using Octokit;

namespace Pipeline.Delivery;

/// <summary>
/// Records a deployment on GitHub, so the commit, pull request and Environments page show what
/// runs where: a deployment for the commit and environment, then its status, in_progress and
/// finally success (with the URL it answers on) or failure. Each status links to the run's page.
/// </summary>
internal sealed class GitHubDeploymentRecorder
{
    private readonly GitHubClient _client;
    private readonly string _owner;
    private readonly string _repository;
    private readonly string _sha;
    private readonly string? _runUrl;

    /// <param name="github">The run (<see cref="TargetContext.GitHub"/>): it must name its repository and commit.</param>
    /// <param name="token">A token allowed to write deployments (the workflow's GITHUB_TOKEN with <c>deployments: write</c>).</param>
    public GitHubDeploymentRecorder(GitHubRun github, string token)
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentException.ThrowIfNullOrEmpty(token);
        if (github is not { RepositoryOwner: { } owner, RepositoryName: { } repository, Sha: { } sha })
        {
            throw new ArgumentException("The run names no repository (GITHUB_REPOSITORY) or commit (GITHUB_SHA) to record a deployment for.", nameof(github));
        }

        (_owner, _repository, _sha, _runUrl) = (owner, repository, sha, github.RunUrl?.ToString());
        _client = new GitHubClient(new ProductHeaderValue("pipeline"), github.ApiUrl) { Credentials = new Credentials(token) };
    }

    /// <summary>
    /// A recorder when there is something to record on: a GitHub Actions run that names its repository
    /// and commit, and a token. Null otherwise (a local run, or no token).
    /// </summary>
    public static GitHubDeploymentRecorder? For(GitHubRun github, string? token)
    {
        ArgumentNullException.ThrowIfNull(github);
        return github is { IsActions: true, RepositoryName: not null, RepositoryOwner: not null, Sha: not null } && !string.IsNullOrEmpty(token)
            ? new GitHubDeploymentRecorder(github, token)
            : null;
    }

    /// <summary>Creates the deployment and marks it in progress; returns its id.</summary>
    public async Task<long> StartAsync(Deployment request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = await _client.Repository.Deployment.Create(_owner, _repository, new NewDeployment(request.Revision ?? _sha)
        {
            Environment = request.Environment,
            Description = $"Deploy {request.Application} {request.Version}",
            Task = "deploy",
            // The deployment follows the checks this very run is part of; GitHub must neither wait for them nor merge.
            AutoMerge = false,
            RequiredContexts = new Collection<string>(),
            ProductionEnvironment = false,
        }).ConfigureAwait(false);
        await _client.Repository.Deployment.Status.Create(_owner, _repository, created.Id, new NewDeploymentStatus(DeploymentState.InProgress)
        {
            LogUrl = _runUrl,
            Description = $"Deploying {request.Image}",
        }).ConfigureAwait(false);
        return created.Id;
    }

    /// <summary>Marks the deployment succeeded (with where it answers) or failed.</summary>
    public async Task FinishAsync(long deploymentId, bool succeeded, Uri? environmentUrl, string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        await _client.Repository.Deployment.Status.Create(_owner, _repository, deploymentId, new NewDeploymentStatus(succeeded ? DeploymentState.Success : DeploymentState.Failure)
        {
            LogUrl = _runUrl,
            EnvironmentUrl = environmentUrl?.ToString(),
            // GitHub keeps at most 140 characters of a status description.
            Description = description.Length <= 140 ? description : description[..139] + "…",
            AutoInactive = succeeded,
        }).ConfigureAwait(false);
    }
}
