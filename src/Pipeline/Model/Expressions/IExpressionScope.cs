namespace Pipeline;

/// <summary>What a local run knows when it evaluates an expression; each answer is known or says why not.</summary>
internal interface IExpressionScope
{
    /// <summary>A context path (<c>github.ref</c>, <c>vars.X</c>, <c>matrix.os</c>, …), resolved as far as it is known.</summary>
    Evaluated Context(IReadOnlyList<string> path);

    /// <summary><c>success</c>, <c>failure</c>, <c>cancelled</c> or <c>skipped</c>, for a target this one follows.</summary>
    Evaluated Result(Type target);

    Evaluated Output(IOutput output);

    Evaluated Input(IParameter parameter);

    /// <summary>success(), failure(), always(), cancelled().</summary>
    Evaluated Status(string function);

    /// <summary>The folder <c>hashFiles</c> patterns are relative to (GitHub's workspace); null when unknown.</summary>
    AbsolutePath? Workspace { get; }
}
