namespace Pipeline;

/// <summary>One target's door to the run's outputs: it sets what it produces and reads what it consumes, as declared.</summary>
internal sealed class TargetOutputs(TargetDefinition target, RunOutputs run)
{
    public static TargetOutputs None(TargetDefinition target) => new(target, RunOutputs.None);

    public void Set<T>(Output<T> output, T value)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!target.OutputsProduced.Contains(output))
        {
            throw new TargetFailedException($"{target.Name} sets the output {output.Name} without declaring it: add .Produces({output.Name}) to its Configure.");
        }

        run.Set(output, OutputText.Write(value));
    }

    public T Get<T>(Output<T> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!target.OutputsConsumed.Contains(output) && !target.OutputsProduced.Contains(output))
        {
            throw new TargetFailedException($"{target.Name} reads the output {output.Name} without declaring it: add .Consumes({output.Name}) to its Configure.");
        }

        return OutputText.Read<T>(TextOf(output), output);
    }

    public string TextOf(IOutput output) => run.TextOf(output) ?? throw new TargetFailedException(
        $"the output {output.Name} has no value: the target that produces it did not run in this process (skipped?), and {output.EnvironmentName} is not set.");

    /// <summary>The declared outputs it did not set, checked when it succeeds.</summary>
    public IEnumerable<IOutput> Unset() => target.OutputsProduced.Where(o => !run.IsSet(o));
}
