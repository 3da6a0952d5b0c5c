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

    /// <summary>The run checks a merge queue's group (<c>merge_group</c>).</summary>
    public static Condition OnMergeGroup { get; } = new EventIs(RunEvent.MergeGroup);

    /// <summary>Runs whatever happened before it, even after a failure: reports, notifications, cleanup.</summary>
    public static Condition Always { get; } = new Status(RunStatus.Always);

    /// <summary>Runs only when something it follows failed: rollback, diagnostics.</summary>
    public static Condition OnFailure { get; } = new Status(RunStatus.Failure);

    // Private: the cases below are the only kinds; the generator matches on them exhaustively.
    private protected Condition()
    {
    }

    /// <summary>Whether any part depends on how the targets before it ended (Always, OnFailure, a status function).</summary>
    public abstract bool DependsOnStatus { get; }

    /// <summary>Whether it reads what is known only when the target would start: a target's result or output, a matrix cell.</summary>
    internal virtual bool ReadsStartFacts => DependsOnStatus;

    public static Condition OnEvent(RunEvent runEvent) => new EventIs(runEvent);

    /// <summary>The run is for this branch (<c>refs/heads/{name}</c>); pull requests have their own ref, so never match.</summary>
    public static Condition OnBranch(string name) => new BranchIs(CheckedRefName(name, nameof(name)));

    /// <summary>The run is for a tag whose name starts with <paramref name="prefix"/>; "" matches any tag.</summary>
    public static Condition OnTag(string prefix = "") =>
        new TagStartsWith(prefix.Length == 0 ? "" : CheckedRefName(prefix, nameof(prefix)));

    /// <summary>
    /// A typed expression: <c>Condition.When(Contexts.Vars("DEPLOY") == "true")</c>, or the expression
    /// itself where a condition is expected. Evaluated locally from what is known here; a fact that
    /// cannot be known locally (a CI step's output) skips the target and says so, never counts as true.
    /// </summary>
    public static Condition When(BooleanExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new ExpressionHolds(expression);
    }

    public static Condition operator &(Condition left, Condition right) => new AllOf(left, right);

    public static Condition operator |(Condition left, Condition right) => new AnyOf(left, right);

    public static Condition operator !(Condition condition) => new NoneOf(condition);

    public static Condition BitwiseAnd(Condition left, Condition right) => left & right;

    public static Condition BitwiseOr(Condition left, Condition right) => left | right;

    public static Condition LogicalNot(Condition condition) => !condition;

    /// <summary>True only when known to hold; a condition that cannot be decided here is not true.</summary>
    public bool Evaluate(ConditionFacts facts) => Decide(facts, null) is Evaluated.Known { Value: true };

    /// <summary>False only when the condition is false however the targets before it end: then planning skips it.</summary>
    public bool CanBeTrue(ConditionFacts facts) =>
        Decide(facts with { UpstreamFailed = false }, null) is not Evaluated.Known { Value: false }
        || Decide(facts with { UpstreamFailed = true }, null) is not Evaluated.Known { Value: false };

    /// <summary>True, false, or unknown with the facts that were missing.</summary>
    internal abstract Evaluated Decide(ConditionFacts facts, TargetStart? start);

    /// <summary>Every node of the typed expressions it holds (none for the event, ref and status cases).</summary>
    internal IEnumerable<ExpressionNode> ExpressionNodes() => this switch
    {
        ExpressionHolds holds => ExpressionTree.Nodes(holds.Expression.Node),
        AllOf all => [.. all.Left.ExpressionNodes(), .. all.Right.ExpressionNodes()],
        AnyOf any => [.. any.Left.ExpressionNodes(), .. any.Right.ExpressionNodes()],
        NoneOf none => none.Operand.ExpressionNodes(),
        _ => [],
    };

    /// <summary>The facts a condition needs and this run cannot know at all (not even when the target would start).</summary>
    internal IReadOnlyList<UnknownFact> NeverKnown(ConditionFacts facts) =>
        Decide(facts, null) is Evaluated.Unknown unknown && unknown.Facts.All(f => !f.KnownAtStart) ? unknown.Facts : [];

    private static Evaluated Known(bool value) => Evaluated.Of(value);

    private static Evaluated Truth(Evaluated value) =>
        value is Evaluated.Known known ? Known(ExpressionValues.IsTruthy(known.Value)) : value;

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

        internal override Evaluated Decide(ConditionFacts facts, TargetStart? start) => Known(facts.EventName == RunEventNames.Of(Event));

        public override string ToString() => $"event is {RunEventNames.Of(Event)}";
    }

    public sealed record BranchIs(string Branch) : Condition
    {
        public override bool DependsOnStatus => false;

        internal override Evaluated Decide(ConditionFacts facts, TargetStart? start) => Known(facts.Ref == "refs/heads/" + Branch);

        public override string ToString() => $"branch is {Branch}";
    }

    public sealed record TagStartsWith(string Prefix) : Condition
    {
        public override bool DependsOnStatus => false;

        internal override Evaluated Decide(ConditionFacts facts, TargetStart? start) => Known(facts.Ref.StartsWith("refs/tags/" + Prefix, StringComparison.Ordinal));

        public override string ToString() => Prefix.Length == 0 ? "a tag" : $"tag starts with {Prefix}";
    }

    public sealed record Status(RunStatus Kind) : Condition
    {
        public override bool DependsOnStatus => true;

        internal override Evaluated Decide(ConditionFacts facts, TargetStart? start) => Known(Kind == RunStatus.Always || facts.UpstreamFailed);

        public override string ToString() => Kind == RunStatus.Always ? "always" : "something before it failed";
    }

    public sealed record AllOf(Condition Left, Condition Right) : Condition
    {
        public override bool DependsOnStatus => Left.DependsOnStatus || Right.DependsOnStatus;

        internal override bool ReadsStartFacts => Left.ReadsStartFacts || Right.ReadsStartFacts;

        internal override Evaluated Decide(ConditionFacts facts, TargetStart? start) =>
            (Left.Decide(facts, start), Right.Decide(facts, start)) switch
            {
                (Evaluated.Known { Value: false }, _) or (_, Evaluated.Known { Value: false }) => Known(false),
                (Evaluated.Known, Evaluated.Known) => Known(true),
                var (l, r) => Evaluated.Unknown.Of([l, r]),
            };

        public override string ToString() => $"({Left} and {Right})";
    }

    public sealed record AnyOf(Condition Left, Condition Right) : Condition
    {
        public override bool DependsOnStatus => Left.DependsOnStatus || Right.DependsOnStatus;

        internal override bool ReadsStartFacts => Left.ReadsStartFacts || Right.ReadsStartFacts;

        internal override Evaluated Decide(ConditionFacts facts, TargetStart? start) =>
            (Left.Decide(facts, start), Right.Decide(facts, start)) switch
            {
                (Evaluated.Known { Value: true }, _) or (_, Evaluated.Known { Value: true }) => Known(true),
                (Evaluated.Known, Evaluated.Known) => Known(false),
                var (l, r) => Evaluated.Unknown.Of([l, r]),
            };

        public override string ToString() => $"({Left} or {Right})";
    }

    public sealed record NoneOf(Condition Operand) : Condition
    {
        public override bool DependsOnStatus => Operand.DependsOnStatus;

        internal override bool ReadsStartFacts => Operand.ReadsStartFacts;

        internal override Evaluated Decide(ConditionFacts facts, TargetStart? start) =>
            Operand.Decide(facts, start) is var operand && operand is Evaluated.Known { Value: bool value } ? Known(!value) : operand;

        public override string ToString() => $"not {Operand}";
    }

    public sealed record ExpressionHolds(BooleanExpression Expression) : Condition
    {
        public override bool DependsOnStatus =>
            ExpressionNodes().Any(n => n is CallNode call && Functions.StatusFunctions.Contains(call.Function));

        internal override bool ReadsStartFacts =>
            DependsOnStatus || ExpressionNodes().Any(n => n is NeedsResultNode or NeedsOutputNode || n is ContextNode { Context: "matrix" });

        internal override Evaluated Decide(ConditionFacts facts, TargetStart? start) =>
            Truth(ExpressionEvaluator.Evaluate(Expression.Node, new ConditionScope(facts, start)));

        public override string ToString() => Expression.ToString();
    }
}

public enum RunStatus
{
    Always,
    Failure,
}
