using Pipeline.Components.Linting;

namespace RustWorkspace.Build;

/// <summary>cargo clippy over every crate and its tests, warnings denied.</summary>
public sealed class Lint : LintTarget
{
    protected override IEnumerable<ILinter> Linters => [new CargoClippy()];
}
