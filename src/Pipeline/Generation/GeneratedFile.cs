using Pipeline.Planning;

namespace Pipeline.Generation;

/// <summary>A file the pipeline writes from its own declarations, relative to the repository root.</summary>
public sealed record GeneratedFile(string RelativePath, string Content);

/// <summary>Something that contributes generated files (the parameter schema, launch profiles, workflows…).</summary>
public interface IGeneratedFileSource
{
    IEnumerable<GeneratedFile> Generate(GenerationContext context);
}

/// <summary>What a generator may read: the graph, the parameters, where things live.</summary>
public sealed record GenerationContext(
    TargetGraph Graph,
    IReadOnlyCollection<IParameter> Parameters,
    AbsolutePath RootDirectory,
    string BuildProjectDirectory,
    string BuildAssemblyName);
