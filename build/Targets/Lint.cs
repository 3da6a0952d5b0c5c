using Pipeline;
using Pipeline.Components.Linting;

namespace Build;

/// <summary>Builds the solution with every analyzer and code-style rule; a warning is an error.</summary>
public sealed class Lint(Repository repository) : LintTarget
{
    // The Lint configuration (Directory.Build.props) turns the rules on and has its own obj/bin, so it
    // runs beside Compile and Test. Incremental: with warnings as errors nothing is missed, and a local
    // run after a small change takes seconds instead of minutes (CI starts from nothing anyway).
    protected override IEnumerable<ILinter> Linters => [new DotNetAnalyzers(Repository.SolutionFile, configuration: "Lint", incremental: true)];

    protected override void Extend(TargetSpec target) =>
        target
            .Description("Builds with every analyzer and code-style rule, warnings as errors")
            .DependsOn<Restore>() // restored once, with retries; the build's own restore then finds nothing to do
            .Inputs(i => repository.SolutionInputs(i, "bin/Lint")); // what passed once passes again: nothing else decides
}
