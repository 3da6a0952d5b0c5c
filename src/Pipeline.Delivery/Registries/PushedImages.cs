namespace Pipeline.Delivery;

/// <summary>
/// The images the last push put in a registry, each pinned by digest, for the targets after it
/// (DeployStaging runs <c>images["api"].Pinned</c>). Kept in <c>.nuke/temp/pushed-images/pushed.json</c>;
/// take it in a target's constructor. In CI the deploy runs in another job: it consumes <see cref="Artifact"/>.
/// A pipeline with several push targets gives each its own record (<c>HasOwnRecord</c>): read it with
/// <see cref="Of{TPush}"/>, consume <see cref="ArtifactOf{TPush}"/>.
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

    private PushedImages(AbsolutePath root)
        : this(root, "pushed-images", "the image push (a PushImagesTarget)")
    {
    }

    private PushedImages(AbsolutePath root, string folder, string producer) =>
        _file = new(root / ".nuke" / "temp" / folder / "pushed.json", producer);

    /// <summary>The record of the pipeline's push (one whose push target keeps no record of its own).</summary>
    public static PushedImages At(AbsolutePath root) => new(root);

    /// <summary>The record of the push target <typeparamref name="TPush"/>, which keeps its own (<c>HasOwnRecord</c>).</summary>
    public static PushedImages Of<TPush>(AbsolutePath root) where TPush : Target => Of(root, typeof(TPush));

    /// <summary>The record of <typeparamref name="TPush"/> as a CI artifact: <c>pushed-images-push-docker-hub</c>.</summary>
    public static Artifact ArtifactOf<TPush>() where TPush : Target => ArtifactOf(typeof(TPush));

    internal static PushedImages Of(AbsolutePath root, Type push) => new(root, FolderOf(push), $"the image push {push.Name}");

    internal static Artifact ArtifactOf(Type push) => Artifact.Of(FolderOf(push), ".nuke/temp/" + FolderOf(push));

    /// <summary>Beside the shared record's folder, not inside it: an upload of one never carries the other.</summary>
    private static string FolderOf(Type push) => "pushed-images-" + KebabName.Of(push);

    public AbsolutePath FilePath => _file.Path;

    public IReadOnlyList<PushedImage> All => _file.Read();

    public PushedImage this[string name] =>
        All.FirstOrDefault(i => i.Name == name)
        ?? throw new KeyNotFoundException($"No image named '{name}' was pushed; pushed: {string.Join(", ", All.Select(i => i.Name))}.");

    /// <summary>Replaces the record with this push's images.</summary>
    public void Record(IEnumerable<PushedImage> images) => _file.Write(images);
}
