namespace Pipeline;

/// <summary>
/// GitHub's contexts, typed: <c>Contexts.GitHub.Ref</c>, <c>Contexts.Vars("DEPLOY")</c>,
/// <c>Contexts.Needs&lt;Lint&gt;().Succeeded</c>, <c>Contexts.Output(Version)</c>. Each reads, in a
/// local run, what stands for it here: the checkout, the environment, the run's own results and
/// outputs (see the README's "Expressions" section for the table).
/// </summary>
public static class Contexts
{
    public static GitHubContext GitHub { get; } = new();

    public static RunnerContext Runner { get; } = new();

    public static JobContext Job { get; } = new();

    /// <summary><c>vars.NAME</c>, a configuration variable; locally the environment variable or <c>.nuke/parameters.json</c> entry of that name.</summary>
    public static StringExpression Vars(string name) => new(Path("vars", CheckedName(name)));

    /// <summary><c>env.NAME</c>: a variable the workflow, job or step sets; locally the environment's.</summary>
    public static StringExpression Env(string name) => new(Path("env", CheckedName(name)));

    /// <summary><c>inputs.&lt;id&gt;</c> of the workflow input declared for <paramref name="parameter"/>; locally the parameter's value.</summary>
    public static StringExpression Input(IParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return new(new InputNode(parameter));
    }

    /// <summary>How <typeparamref name="TTarget"/>, which this target follows, ended (<c>needs.&lt;its job&gt;.result</c>).</summary>
    public static NeedsContext Needs<TTarget>() where TTarget : Target => new(typeof(TTarget));

    /// <summary>An output of a target this one follows: <c>needs.&lt;producer's job&gt;.outputs.&lt;id&gt;</c>, locally its value in this run.</summary>
    public static ValueExpression Output(IOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new(new NeedsOutputNode(output));
    }

    /// <summary><c>matrix.&lt;axis&gt;</c>: this cell's value.</summary>
    public static ValueExpression Matrix(MatrixAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        return new(Path("matrix", axis.Name));
    }

    /// <summary><c>matrix.&lt;axis&gt;</c> of a matrix whose cells come from an output: this cell's item.</summary>
    public static ValueExpression Matrix<T>(MatrixAxis<T> axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        return new(Path("matrix", axis.Name));
    }

    /// <summary><c>matrix.&lt;field&gt;</c>, for a field an include adds or a dynamic matrix's item has.</summary>
    public static ValueExpression Matrix(string field) => new(Path("matrix", CheckedName(field)));

    /// <summary>A CI step of the job, by its id (<c>steps.&lt;id&gt;</c>). Unknown in a local run: steps run in CI only.</summary>
    public static StepContext Step(string id) => new(CheckedName(id));

    internal static ContextNode Path(params string[] path) => new(path);

    internal static string CheckedName(string name)
    {
        // Names are written into expressions unquoted: keep them to what GitHub's identifiers allow.
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetter(name[0]) && name[0] != '_'
            || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            throw new ArgumentException($"'{name}' is not a name an expression can read (a letter or _, then letters, digits, - or _).", nameof(name));
        }

        return name;
    }
}

/// <summary>The <c>github</c> context: the run's event, ref and repository.</summary>
public sealed class GitHubContext
{
    private readonly string _name = "github";

    internal GitHubContext()
    {
    }

    public StringExpression EventName => Of("event_name");

    /// <summary>The full ref: <c>refs/heads/main</c>, <c>refs/tags/v1.2</c>.</summary>
    public StringExpression Ref => Of("ref");

    /// <summary>The short ref name: <c>main</c>, <c>v1.2</c>.</summary>
    public StringExpression RefName => Of("ref_name");

    /// <summary><c>branch</c> or <c>tag</c>.</summary>
    public StringExpression RefType => Of("ref_type");

    public StringExpression Sha => Of("sha");

    public StringExpression Repository => Of("repository");

    public StringExpression RepositoryOwner => Of("repository_owner");

    public StringExpression Actor => Of("actor");

    public StringExpression TriggeringActor => Of("triggering_actor");

    public StringExpression Workflow => Of("workflow");

    public StringExpression Job => Of("job");

    public StringExpression RunId => Of("run_id");

    public NumberExpression RunNumber => new(Contexts.Path(_name, "run_number"));

    public NumberExpression RunAttempt => new(Contexts.Path(_name, "run_attempt"));

    /// <summary>A pull request's head branch; "" on other events.</summary>
    public StringExpression HeadRef => Of("head_ref");

    /// <summary>A pull request's base branch; "" on other events.</summary>
    public StringExpression BaseRef => Of("base_ref");

    public StringExpression ServerUrl => Of("server_url");

    /// <summary>The event's payload (<c>github.event</c>); locally read from <c>GITHUB_EVENT_PATH</c> when set, otherwise unknown.</summary>
    public ValueExpression Event => new(Contexts.Path(_name, "event"));

    private StringExpression Of(string member) => new(Contexts.Path(_name, member));
}

/// <summary>The <c>runner</c> context: the machine the job runs on.</summary>
public sealed class RunnerContext
{
    private readonly string _name = "runner";

    internal RunnerContext()
    {
    }

    /// <summary><c>Linux</c>, <c>Windows</c> or <c>macOS</c>.</summary>
    public StringExpression Os => new(Contexts.Path(_name, "os"));

    /// <summary><c>X64</c>, <c>ARM64</c>, <c>X86</c> or <c>ARM</c>.</summary>
    public StringExpression Arch => new(Contexts.Path(_name, "arch"));

    public StringExpression Name => new(Contexts.Path(_name, "name"));

    public StringExpression Temp => new(Contexts.Path(_name, "temp"));

    /// <summary><c>github-hosted</c> or <c>self-hosted</c>.</summary>
    public StringExpression Environment => new(Contexts.Path(_name, "environment"));
}

/// <summary>The <c>job</c> context.</summary>
public sealed class JobContext
{
    private readonly string _name = "job";

    internal JobContext()
    {
    }

    /// <summary><c>success</c>, <c>failure</c> or <c>cancelled</c>: how the job is going so far.</summary>
    public StringExpression Status => new(Contexts.Path(_name, "status"));
}

/// <summary><c>needs.&lt;job&gt;</c> for the job of one target.</summary>
public sealed class NeedsContext
{
    internal NeedsContext(Type target) => Result = new(new NeedsResultNode(target));

    /// <summary><c>success</c>, <c>failure</c>, <c>cancelled</c> or <c>skipped</c>.</summary>
    public StringExpression Result { get; }

    public BooleanExpression Succeeded => Result == "success";

    public BooleanExpression Failed => Result == "failure";

    public BooleanExpression Skipped => Result == "skipped";

    public BooleanExpression Cancelled => Result == "cancelled";
}

/// <summary><c>steps.&lt;id&gt;</c>: a CI step's outputs and outcome.</summary>
public sealed class StepContext
{
    private readonly string _id;

    internal StepContext(string id) => _id = id;

    /// <summary><c>success</c>, <c>failure</c>, <c>cancelled</c> or <c>skipped</c>, after continue-on-error.</summary>
    public StringExpression Conclusion => new(Contexts.Path("steps", _id, "conclusion"));

    /// <summary>As <see cref="Conclusion"/>, before continue-on-error.</summary>
    public StringExpression Outcome => new(Contexts.Path("steps", _id, "outcome"));

    public StringExpression Output(string name) => new(Contexts.Path("steps", _id, "outputs", Contexts.CheckedName(name)));
}
