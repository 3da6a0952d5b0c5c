namespace Pipeline.Delivery;

/// <summary>
/// The images the last push put in a registry, each pinned by digest, for the targets after it
/// (DeployStaging runs <c>images["api"].Pinned</c>). Kept in <c>.nuke/temp/pushed-images/pushed.json</c>;
/// take it in a target's constructor. In CI the deploy runs in another job: it consumes <see cref="Artifact"/>.
/// </summary>
public sealed class PushedImages
{
    /// <summary>The record as a CI artifact: the push job uploads it, a deploy job that consumes it downloads it.</summary>
    public static Artifact Artifact { get; } = Artifact.Of("pushed-images", ".nuke/temp/pushed-images");

    private readonly HandOffFile<PushedImage> _file;

    public PushedImages(PipelineEnvironment environment)
        : this(environment.RootDirectory)
    {
    }

    private PushedImages(AbsolutePath root) =>
        _file = new(root / ".nuke" / "temp" / "pushed-images" / "pushed.json", "the image push (a PushImagesTarget)");

    public static PushedImages At(AbsolutePath root) => new(root);

    public AbsolutePath FilePath => _file.Path;

    public IReadOnlyList<PushedImage> All => _file.Read();

    public PushedImage this[string name] =>
        All.FirstOrDefault(i => i.Name == name)
        ?? throw new KeyNotFoundException($"No image named '{name}' was pushed; pushed: {string.Join(", ", All.Select(i => i.Name))}.");

    /// <summary>Replaces the record with this push's images.</summary>
    public void Record(IEnumerable<PushedImage> images) => _file.Write(images);
}
