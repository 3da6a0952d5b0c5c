using Pipeline;

namespace Build;

public sealed class RunTests(Repository repository) : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Runs every test project with TRX results; ends with one line of totals")
        .DependsOn<Compile>()
        .DependsOn<InstallWorkflowLint>()
        .Produces(Artifacts.TestResults);

    protected override async Task RunAsync(TargetContext context)
    {
        Directory.CreateDirectory(repository.TestResults);
        foreach (var stale in Directory.GetFiles(repository.TestResults, "*.trx"))
        {
            File.Delete(stale);
        }

        var configuration = context.Get(BuildParameters.Configuration).ToString();
        var failures = new List<string>();
        foreach (var project in repository.TestProjects)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            try
            {
                await context.RunAsync(Repository.DotNet.Command(
                    "test", project, "--no-build", "--configuration", configuration,
                    "--logger", $"trx;LogFileName={name}.trx", "--results-directory", repository.TestResults));
            }
            catch (ProcessFailedException)
            {
                failures.Add(name); // count every project's results before failing
            }
        }

        var totals = TrxTotals.Read(Directory.GetFiles(repository.TestResults, "*.trx"));
        foreach (var failed in totals.FailedTests)
        {
            context.Log.Error("failed: " + failed);
        }

        context.Log.Info(totals.ToString());
        if (failures.Count > 0 || totals.Failed > 0)
        {
            throw new InvalidOperationException($"{totals.Failed} tests failed in {string.Join(", ", failures)}.");
        }
    }
}
