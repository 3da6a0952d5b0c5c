using Pipeline.Planning;

namespace Pipeline.Generation;

/// <summary>
/// A generator whose CI jobs run steps besides the targets (a workflow's action steps): <c>--plan</c>
/// shows them beside the target whose job runs them, so a local plan never hides what CI does more.
/// </summary>
public interface ICiOnlySteps
{
    /// <summary>Per target name: each step its CI job runs besides <c>./build.sh</c>, described in one line.</summary>
    IReadOnlyDictionary<string, IReadOnlyList<string>> StepsBesides(TargetGraph graph);
}
