namespace Pipeline;

/// <summary>
/// When a target runs, as one typed value with two readings: evaluated here against the run's
/// <see cref="ConditionFacts"/>, and written by the workflow generator as a GitHub <c>if:</c>.
/// Combine with <c>&amp;</c>, <c>|</c> and <c>!</c>:
/// <code>.OnlyWhen(Condition.OnPush &amp; (Condition.OnBranch("main") | Condition.OnTag("v")))</code>
/// Without <see cref="Always"/> or <see cref="OnFailure"/> a condition is decided while planning, and
/// a failed dependency still skips the target; with them it is decided when the target would start.
/// </summary>
public abstract record Condition
{
    public static Condition OnPush { get; } = new EventIs(RunEvent.Push);

    public static Condition OnPullRequest { get; } = new EventIs(RunEvent.PullRequest);

    public static Condition OnSchedule { get; } = new EventIs(RunEvent.Schedule);

    public static Condition OnWorkflowDispatch { get; } = new EventIs(RunEvent.WorkflowDispatch);

    /// <summary>Runs whatever happened before it, even after a failure: reports, notifications, cleanup.</summary>
    public static Condition Always { get; } = new Status(RunStatus.Always);

    /// <summary>Runs only when something it follows failed: rollback, diagnostics.</summary>
    public static Condition OnFailure { get; } = new Status(RunStatus.Failure);

    // Private: the cases below are the only kinds; the generator matches on them exhaustively.
    private protected Condition()
    {
    }

    /// <summary>Whether any part depends on how the targets before it ended (Always, OnFailure).</summary>
    public abstract bool DependsOnStatus { get; }

    public static Condition OnEvent(RunEvent runEvent) => new EventIs(runEvent);

    /// <summary>The run is for this branch (<c>refs/heads/{name}</c>); pull requests have their own ref, so never match.</summary>
    public static Condition OnBranch(string name) => new BranchIs(CheckedRefName(name, nameof(name)));

    /// <summary>The run is for a tag whose name starts with <paramref name="prefix"/>; "" matches any tag.</summary>
    public static Condition OnTag(string prefix = "") =>
        new TagStartsWith(prefix.Length == 0 ? "" : CheckedRefName(prefix, nameof(prefix)));

    public static Condition operator &(Condition left, Condition right) => new AllOf(left, right);

    public static Condition operator |(Condition left, Condition right) => new AnyOf(left, right);

    public static Condition operator !(Condition condition) => new NoneOf(condition);

    public static Condition BitwiseAnd(Condition left, Condition right) => left & right;

    public static Condition BitwiseOr(Condition left, Condition right) => left | right;

    public static Condition LogicalNot(Condition condition) => !condition;

    public abstract bool Evaluate(ConditionFacts facts);

    /// <summary>False only when the condition is false however the targets before it end: then planning skips it.</summary>
    public bool CanBeTrue(ConditionFacts facts) =>
        Evaluate(facts with { UpstreamFailed = false }) || Evaluate(facts with { UpstreamFailed = true });

    private static string CheckedRefName(string name, string parameter)
    {
        // The names end up inside a quoted GitHub expression: keep them to what refs really use.
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')))
        {
            throw new ArgumentException($"'{name}' is not a branch or tag name this condition accepts (letters, digits, - _ . /).", parameter);
        }

        return name;
    }

    public sealed record EventIs(RunEvent Event) : Condition
    {
        public override bool DependsOnStatus => false;

        public override bool Evaluate(ConditionFacts facts) => facts.EventName == RunEventNames.Of(Event);

        public override string ToString() => $"event is {RunEventNames.Of(Event)}";
    }

    public sealed record BranchIs(string Branch) : Condition
    {
        public override bool DependsOnStatus => false;

        public override bool Evaluate(ConditionFacts facts) => facts.Ref == "refs/heads/" + Branch;

        public override string ToString() => $"branch is {Branch}";
    }

    public sealed record TagStartsWith(string Prefix) : Condition
    {
        public override bool DependsOnStatus => false;

        public override bool Evaluate(ConditionFacts facts) => facts.Ref.StartsWith("refs/tags/" + Prefix, StringComparison.Ordinal);

        public override string ToString() => Prefix.Length == 0 ? "a tag" : $"tag starts with {Prefix}";
    }

    public sealed record Status(RunStatus Kind) : Condition
    {
        public override bool DependsOnStatus => true;

        public override bool Evaluate(ConditionFacts facts) => Kind == RunStatus.Always || facts.UpstreamFailed;

        public override string ToString() => Kind == RunStatus.Always ? "always" : "something before it failed";
    }

    public sealed record AllOf(Condition Left, Condition Right) : Condition
    {
        public override bool DependsOnStatus => Left.DependsOnStatus || Right.DependsOnStatus;

        public override bool Evaluate(ConditionFacts facts) => Left.Evaluate(facts) && Right.Evaluate(facts);

        public override string ToString() => $"({Left} and {Right})";
    }

    public sealed record AnyOf(Condition Left, Condition Right) : Condition
    {
        public override bool DependsOnStatus => Left.DependsOnStatus || Right.DependsOnStatus;

        public override bool Evaluate(ConditionFacts facts) => Left.Evaluate(facts) || Right.Evaluate(facts);

        public override string ToString() => $"({Left} or {Right})";
    }

    public sealed record NoneOf(Condition Operand) : Condition
    {
        public override bool DependsOnStatus => Operand.DependsOnStatus;

        public override bool Evaluate(ConditionFacts facts) => !Operand.Evaluate(facts);

        public override string ToString() => $"not {Operand}";
    }
}

public enum RunStatus
{
    Always,
    Failure,
}
