namespace Pipeline;

/// <summary>What is known only when a target would start: how the targets before it ended, their outputs, its matrix cell.</summary>
/// <param name="ResultOf">success, failure, cancelled or skipped for a target of this run; null when it is not part of it.</param>
/// <param name="OutputText">An output's value as text, set in this run or carried into it; null when unset.</param>
internal sealed record TargetStart(Func<string, string?> ResultOf, Func<IOutput, string?> OutputText, MatrixCell? Cell, bool Cancelled);
