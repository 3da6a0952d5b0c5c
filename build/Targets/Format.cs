using Pipeline;

namespace Build;

public sealed class Format(Repository repository) : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Fails when a file is not formatted as .editorconfig says (dotnet format --verify-no-changes)")
        .DependsOn<Restore>();

    // Whitespace and layout only: code-style rules need a compilation and run in Lint.
    protected override Task RunAsync(TargetContext context) =>
        context.RunAsync(Repository.DotNet.Command(
            "format", "whitespace", repository.Root, "--folder", "--verify-no-changes", "--exclude", "artifacts"));
}
