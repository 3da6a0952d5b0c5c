using System.Reflection;

namespace Pipeline;

/// <summary>
/// The few objects targets ask for in their constructors: what the builder provides, the run's
/// <see cref="ParameterValues"/>, and any concrete class that can itself be built from these
/// (one instance per run). Deliberately tiny: no scopes, no interfaces-to-implementations magic.
/// </summary>
public sealed class Dependencies
{
    private readonly IReadOnlyDictionary<Type, Func<Dependencies, object>> _factories;
    private readonly Dictionary<Type, object> _instances = [];
    private readonly HashSet<Type> _resolving = [];

    internal Dependencies(IReadOnlyDictionary<Type, Func<Dependencies, object>> factories, IEnumerable<object> builtIns)
    {
        _factories = factories;
        foreach (var instance in builtIns)
        {
            _instances[instance.GetType()] = instance;
        }
    }

    public T Get<T>() where T : notnull => (T)Get(typeof(T));

    /// <summary>The instance registered for <typeparamref name="T"/> (built on first use), or null when none is.</summary>
    internal T? Registered<T>() where T : class =>
        _instances.ContainsKey(typeof(T)) || _factories.ContainsKey(typeof(T)) ? (T)Get(typeof(T)) : null;

    internal object Get(Type type)
    {
        if (_instances.TryGetValue(type, out var existing))
        {
            return existing;
        }

        if (!_resolving.Add(type))
        {
            throw new DefinitionException($"{type.Name} needs itself to be built (a constructor cycle through {string.Join(" → ", _resolving.Select(t => t.Name))}).");
        }

        try
        {
            var instance = _factories.TryGetValue(type, out var factory) ? factory(this) : Construct(type);
            _instances[type] = instance;
            return instance;
        }
        finally
        {
            _resolving.Remove(type);
        }
    }

    /// <summary>Builds <paramref name="type"/> through its public constructor, resolving each parameter.</summary>
    internal object Construct(Type type)
    {
        if (type.IsAbstract || type.IsInterface || type.IsPrimitive || type == typeof(string))
        {
            throw new DefinitionException(
                $"Cannot provide a {type.Name}: provide it with .Provide<{type.Name}>(…) on the pipeline builder.");
        }

        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        if (constructors.Length != 1)
        {
            throw new DefinitionException($"{type.Name} must have exactly one public constructor to be built by the pipeline (it has {constructors.Length}).");
        }

        var arguments = constructors[0].GetParameters().Select(p => Get(p.ParameterType)).ToArray();
        try
        {
            return constructors[0].Invoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
