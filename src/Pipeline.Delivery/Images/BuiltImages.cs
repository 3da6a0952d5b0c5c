namespace Pipeline.Delivery;

/// <summary>
/// The images the last image build made, for the targets after it (Push, a local deploy). Kept in
/// <c>.nuke/temp/images/built.json</c>, so <c>./build.sh BuildImages</c> then <c>./build.sh PushImages</c>
/// works as well as one run. Take it in a target's constructor: the pipeline builds it.
/// </summary>
public sealed class BuiltImages
{
    private readonly HandOffFile<BuiltImage> _file;

    public BuiltImages(PipelineEnvironment environment)
        : this(environment.RootDirectory)
    {
    }

    private BuiltImages(AbsolutePath root) =>
        _file = new(root / ".nuke" / "temp" / "images" / "built.json", "the image build (a BuildImagesTarget)");

    public static BuiltImages At(AbsolutePath root) => new(root);

    public AbsolutePath FilePath => _file.Path;

    public IReadOnlyList<BuiltImage> All => _file.Read();

    public BuiltImage this[string name] =>
        All.FirstOrDefault(i => i.Name == name)
        ?? throw new KeyNotFoundException($"No image named '{name}' was built; built: {string.Join(", ", All.Select(i => i.Name))}.");

    /// <summary>Replaces the record with this build's images.</summary>
    public void Record(IEnumerable<BuiltImage> images) => _file.Write(images);
}
