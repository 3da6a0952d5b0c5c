namespace Pipeline;

/// <summary>
/// A unit of work in a pipeline. Each target is its own class: relations to other targets are
/// written with their types (<c>DependsOn&lt;Compile&gt;()</c>), so the compiler checks them and a
/// rename is a refactoring. Constructor parameters are resolved from the pipeline's services.
/// </summary>
public abstract class Target
{
    /// <summary>Declares the target's relations, conditions and policies. Called once per run.</summary>
    protected virtual void Configure(TargetSpec target)
    {
    }

    /// <summary>
    /// Does the target's work. Throw to fail; honour <see cref="TargetContext.Cancellation"/>. A target
    /// that only gathers others (its dependencies are its work) leaves it out: by default it does nothing.
    /// </summary>
    protected virtual Task RunAsync(TargetContext context) => Task.CompletedTask;

    // The engine's doors to the two members above; users override them, only the engine calls them.
    internal void ConfigureBy(TargetSpec target) => Configure(target);

    internal Task RunBy(TargetContext context) => RunAsync(context);
}
