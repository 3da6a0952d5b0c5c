using System.Collections.ObjectModel;
using Octokit;

namespace Pipeline.Delivery;

/// <summary>
/// Records a deployment on GitHub, so the commit, pull request and Environments page show what
/// runs where: a deployment for the commit and environment, then its status, in_progress and
/// finally success (with the URL it answers on) or failure.
/// </summary>
public sealed class GitHubDeploymentRecorder
{
    private readonly GitHubClient _client;
    private readonly GitHubActionsContext _github;

    /// <param name="token">A token allowed to write deployments (the workflow's GITHUB_TOKEN with <c>deployments: write</c>).</param>
    public GitHubDeploymentRecorder(GitHubActionsContext github, string token)
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentException.ThrowIfNullOrEmpty(token);
        _github = github;
        _client = new GitHubClient(new ProductHeaderValue("pipeline"), github.ApiUrl) { Credentials = new Credentials(token) };
    }

    /// <summary>Creates the deployment and marks it in progress; returns its id.</summary>
    public async Task<long> StartAsync(Deployment request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = await _client.Repository.Deployment.Create(_github.Owner, _github.Repository, new NewDeployment(request.Revision ?? _github.Sha)
        {
            Environment = request.Environment,
            Description = $"Deploy {request.Application} {request.Version}",
            Task = "deploy",
            // The deployment follows the checks this very run is part of; GitHub must neither wait for them nor merge.
            AutoMerge = false,
            RequiredContexts = new Collection<string>(),
            ProductionEnvironment = false,
        }).ConfigureAwait(false);
        await _client.Repository.Deployment.Status.Create(_github.Owner, _github.Repository, created.Id, new NewDeploymentStatus(DeploymentState.InProgress)
        {
            LogUrl = _github.RunUrl.ToString(),
            Description = $"Deploying {request.Image}",
        }).ConfigureAwait(false);
        return created.Id;
    }

    /// <summary>Marks the deployment succeeded (with where it answers) or failed.</summary>
    public async Task FinishAsync(long deploymentId, bool succeeded, Uri? environmentUrl, string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        await _client.Repository.Deployment.Status.Create(_github.Owner, _github.Repository, deploymentId, new NewDeploymentStatus(succeeded ? DeploymentState.Success : DeploymentState.Failure)
        {
            LogUrl = _github.RunUrl.ToString(),
            EnvironmentUrl = environmentUrl?.ToString(),
            // GitHub keeps at most 140 characters of a status description.
            Description = description.Length <= 140 ? description : description[..139] + "…",
            AutoInactive = succeeded,
        }).ConfigureAwait(false);
    }
}
