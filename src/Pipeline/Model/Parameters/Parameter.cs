using System.Runtime.CompilerServices;

namespace Pipeline;

/// <summary>The untyped view of a parameter that help, schema generation and validation read.</summary>
public interface IParameter
{
    /// <summary>The declared name, PascalCase: <c>Configuration</c>, <c>RegistryPassword</c>.</summary>
    string Name { get; }

    string Description { get; }

    Type ValueType { get; }

    bool IsSecret { get; }

    /// <summary>Required for every run, whatever the targets; a target can also require it on its own.</summary>
    bool IsRequired { get; }

    object? DefaultValue { get; }

    /// <summary>In GitHub Actions, its value comes from the configuration variable of its environment name (<c>vars.NAME</c>).</summary>
    bool IsRepositoryVariable => false;

    /// <summary>The command-line option: <c>--registry-password</c>.</summary>
    string OptionName => "--" + ParameterNames.ToKebabCase(Name);

    /// <summary>The environment variable: <c>REGISTRY_PASSWORD</c>.</summary>
    string EnvironmentName => ParameterNames.ToScreamingSnakeCase(Name);
}

/// <summary>
/// A typed parameter. Declare it once as a <c>static readonly</c> field; the field name becomes the
/// parameter name. The declaration holds no value: values live in each run's <see cref="ParameterValues"/>,
/// so two pipelines can run side by side in one process.
/// </summary>
public sealed record Parameter<T>(string Name, string Description, T? Default, bool HasDefault, bool IsSecret, bool IsRequired)
    : IParameter
{
    public Type ValueType => typeof(T);

    public object? DefaultValue => HasDefault ? Default : null;

    /// <summary>Every run needs a value for it (checked before any target starts).</summary>
    public Parameter<T> AsRequired() => this with { IsRequired = true };

    public bool IsRepositoryVariable { get; init; }

    /// <summary>
    /// A setting that is not secret but differs per repository (a registry user name): a generated job
    /// whose targets read it gets <c>NAME: ${{ vars.NAME }}</c>. Unset there, it is "", which reads as unset.
    /// </summary>
    public Parameter<T> FromRepositoryVariable() => IsSecret
        ? throw new InvalidOperationException($"{Name} is a secret: it reaches CI jobs as a secret, never as a variable.")
        : this with { IsRepositoryVariable = true };

    public override string ToString() => ((IParameter)this).OptionName;
}

/// <summary>Factories for <see cref="Parameter{T}"/>; the name comes from the field being declared.</summary>
public static class Parameter
{
    /// <summary>A parameter with no default: it has a value only when a source gives one.</summary>
    public static Parameter<T> Create<T>(string description, [CallerMemberName] string name = "") =>
        new(Checked<T>(name), description, default, HasDefault: false, IsSecret: false, IsRequired: false);

    /// <summary>A parameter whose value falls back to <paramref name="defaultValue"/>.</summary>
    public static Parameter<T> Create<T>(string description, T defaultValue, [CallerMemberName] string name = "") =>
        new(Checked<T>(name), description, defaultValue, HasDefault: true, IsSecret: false, IsRequired: false);

    /// <summary>A secret string: masked as *** in every line written, never in generated files.</summary>
    public static Parameter<string> Secret(string description, [CallerMemberName] string name = "") =>
        new(Checked<string>(name), description, null, HasDefault: false, IsSecret: true, IsRequired: false);

    private static string Checked<T>(string name)
    {
        if (!ParameterNames.IsValid(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid parameter name: use letters and digits, starting with a letter.", nameof(name));
        }

        if (!ValueConverter.Supports(typeof(T)))
        {
            throw new ArgumentException(
                $"Parameter '{name}' has type {typeof(T).Name}, which is not supported. {ValueConverter.SupportedTypesText}");
        }

        return name;
    }
}
