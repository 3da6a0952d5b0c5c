using System.Runtime.CompilerServices;

namespace Pipeline;

/// <summary>The untyped view of an output that planning, the engine and the workflow generator read.</summary>
public interface IOutput
{
    /// <summary>The declared name, PascalCase: <c>Version</c>, <c>ChangedComponents</c>.</summary>
    string Name { get; }

    string Description { get; }

    Type ValueType { get; }

    /// <summary>Its key among a job's outputs (<c>needs.&lt;job&gt;.outputs.changed-components</c>) and in <c>$GITHUB_OUTPUT</c>.</summary>
    string Id => ParameterNames.ToKebabCase(Name);

    /// <summary>The variable a consuming CI job sets from <c>needs.&lt;job&gt;.outputs.&lt;id&gt;</c>: <c>PIPELINE_OUTPUT_VERSION</c>.</summary>
    string EnvironmentName => OutputNames.VariablePrefix + ParameterNames.ToScreamingSnakeCase(Name);
}

/// <summary>
/// A typed value one target computes and its dependents read (a version, the list of changed
/// components). Declare it once as a <c>static readonly</c> field, whose name is its name:
/// <c>public static readonly Output&lt;string&gt; Version = new("The version to stamp");</c>. The
/// producer declares <c>.Produces(Version)</c> and calls <c>context.Set(Version, value)</c>; a
/// dependent declares <c>.Consumes(Version)</c> and calls <c>context.Get(Version)</c>. Values are
/// strings, booleans, numbers, or anything JSON-serialisable (records, lists).
/// </summary>
public sealed record Output<T> : IOutput
{
    public Output(string description, [CallerMemberName] string name = "")
    {
        if (!ParameterNames.IsValid(name))
        {
            throw new ArgumentException($"'{name}' is not a valid output name: use letters and digits, starting with a letter.", nameof(name));
        }

        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string Description { get; }

    public Type ValueType => typeof(T);

    public override string ToString() => Name;
}

/// <summary>The spellings of outputs at the edges.</summary>
internal static class OutputNames
{
    /// <summary>The prefix of the variables that carry outputs into a CI job.</summary>
    public const string VariablePrefix = "PIPELINE_OUTPUT_";
}
