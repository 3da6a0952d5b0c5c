namespace Pipeline.Components.Testing;

/// <summary>
/// A test suite that knows what its result depends on. When every suite of a <see cref="TestTarget"/>
/// declares its inputs, the target (each cell of it) runs only when one of them changed.
/// </summary>
public interface ISuiteInputs
{
    /// <summary>Adds the files, tool versions and values the suite's result depends on; build output (bin, obj, target) is left out.</summary>
    /// <param name="inputs">Where to declare them, globs relative to the root.</param>
    /// <param name="root">The repository root, to read project files.</param>
    void DeclareInputs(TargetInputs inputs, AbsolutePath root);
}
