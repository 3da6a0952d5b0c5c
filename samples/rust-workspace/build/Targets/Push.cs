using Pipeline;
using Pipeline.Delivery;

namespace RustWorkspace.Build;

/// <summary>
/// Pushes every service image: to Amazon ECR under GitHub Actions (the <c>aws</c> CLI logs in with
/// the AWS secrets), else to a registry on 127.0.0.1 that it starts, standing in for ECR.
/// </summary>
public sealed class Push : PushImagesTarget<BuildImages>
{
    /// <summary>The account and region of the seed's ECR: change them to yours.</summary>
    public static readonly ElasticContainerRegistry Ecr = new("123456789012", "eu-west-1");

    /// <summary>Read by the <c>aws</c> CLI from the job's environment.</summary>
    public static readonly Parameter<string> AwsAccessKeyId = Parameter.Secret("AWS access key id for ECR");

    /// <summary>Read by the <c>aws</c> CLI from the job's environment.</summary>
    public static readonly Parameter<string> AwsSecretAccessKey = Parameter.Secret("AWS secret access key for ECR");

    protected override ContainerRegistry Registry => ContainerRegistry.UnderGitHubActions(Ecr);

    protected override void Extend(TargetSpec target) => target
        .DependsOn<Coverage>() // the seed's build-and-push needs code-coverage: below 50%, nothing is pushed or deployed
        .Reads(AwsAccessKeyId)
        .Reads(AwsSecretAccessKey);
}
