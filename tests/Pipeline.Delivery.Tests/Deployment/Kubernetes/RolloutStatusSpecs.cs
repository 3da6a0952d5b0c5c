using k8s.Models;

namespace Pipeline.Delivery.Tests.Deployment.Kubernetes;

public sealed class RolloutStatusSpecs
{
    [Theory]
    [InlineData(2, 1, 3, 3, 3, "Progressing", "waiting for the controller to see generation 2")]
    [InlineData(2, 2, 3, 1, 0, "Progressing", "1 of 3 replicas updated")]
    [InlineData(2, 2, 3, 3, 2, "Progressing", "2 of 3 updated replicas available")]
    [InlineData(2, 3, 3, 3, 3, "Complete", "3 of 3 replicas available")]
    public void Is_complete_once_the_latest_generation_is_observed_and_every_replica_is_updated_and_available(
        long generation, long observed, int replicas, int updated, int available, string phase, string description)
    {
        var status = RolloutStatus.Of(Deployment(generation, observed, replicas, updated, available));

        Assert.Equal((phase, description), (status.Phase.ToString(), status.Description));
    }

    [Fact]
    public void Fails_when_the_controller_reports_the_progress_deadline_exceeded()
    {
        var deployment = Deployment(2, 2, 1, 1, 0);
        deployment.Status.Conditions = [new V1DeploymentCondition { Type = "Progressing", Status = "False", Reason = "ProgressDeadlineExceeded", Message = "ReplicaSet \"api-7d9\" has timed out progressing." }];

        var status = RolloutStatus.Of(deployment);

        Assert.Equal(RolloutPhase.Failed, status.Phase);
        Assert.Equal("progress deadline exceeded: ReplicaSet \"api-7d9\" has timed out progressing.", status.Description);
    }

    [Fact]
    public void Waits_while_old_replicas_are_still_running_beside_the_new_ones()
    {
        var deployment = Deployment(2, 2, 2, 2, 2);
        deployment.Status.Replicas = 3;

        Assert.Equal("1 old replicas pending termination", RolloutStatus.Of(deployment).Description);
    }

    private static V1Deployment Deployment(long generation, long observed, int replicas, int updated, int available) => new()
    {
        Metadata = new V1ObjectMeta { Name = "api", Generation = generation },
        Spec = new V1DeploymentSpec { Replicas = replicas },
        Status = new V1DeploymentStatus { ObservedGeneration = observed, Replicas = updated, UpdatedReplicas = updated, AvailableReplicas = available },
    };
}
