namespace Pipeline.Delivery;

/// <summary>
/// The images the pipeline's image builds made, for the targets after them (Push, a local deploy). Each
/// <see cref="BuildImagesTarget"/> keeps its own record, <c>.nuke/temp/images/&lt;build-target&gt;/built.json</c>
/// (<see cref="Of{TBuild}"/>), so two builds can run side by side, and in two CI jobs; <see cref="All"/>
/// reads every record there, so <c>./build.sh BuildImages</c> then <c>./build.sh PushImages</c> works as
/// well as one run. Take it in a target's constructor: the pipeline builds it.
/// </summary>
public sealed class BuiltImages
{
    private readonly AbsolutePath _folder;
    private readonly HandOffFile<BuiltImage> _file;
    private readonly bool _readsEveryRecord;

    public BuiltImages(PipelineEnvironment environment)
        : this(environment.RootDirectory)
    {
    }

    private BuiltImages(AbsolutePath root)
        : this(Folder(root), new(Folder(root) / RecordName, "the image build (a BuildImagesTarget)"), readsEveryRecord: true)
    {
    }

    private BuiltImages(AbsolutePath folder, HandOffFile<BuiltImage> file, bool readsEveryRecord)
    {
        _folder = folder;
        _file = file;
        _readsEveryRecord = readsEveryRecord;
    }

    private const string RecordName = "built.json";

    /// <summary>Every image build's images (and those <see cref="Record"/> wrote on this one).</summary>
    public static BuiltImages At(AbsolutePath root) => new(root);

    /// <summary>The record of the image build <typeparamref name="TBuild"/> alone: its <see cref="All"/> is what that target built.</summary>
    public static BuiltImages Of<TBuild>(AbsolutePath root) where TBuild : BuildImagesTarget => Of(root, typeof(TBuild));

    internal static BuiltImages Of(AbsolutePath root, Type build)
    {
        var folder = FolderOf(root, build);
        return new(folder, new(folder / RecordName, $"the image build {build.Name}"), readsEveryRecord: false);
    }

    /// <summary>Where <paramref name="build"/> keeps its record and, in CI, its saved images: a folder of its own, uploaded as its own artifact.</summary>
    internal static AbsolutePath FolderOf(AbsolutePath root, Type build) => Folder(root) / KebabName.Of(build);

    private static AbsolutePath Folder(AbsolutePath root) => root / ".nuke" / "temp" / "images";

    /// <summary>The record this one writes: a build target's own, or, on <see cref="At"/>, one for images recorded by hand.</summary>
    public AbsolutePath FilePath => _file.Path;

    /// <summary>
    /// The images, in the order they were recorded. On <see cref="At"/> every record's: an image two
    /// records name (one left by a build since moved or renamed) is taken from the newer.
    /// </summary>
    public IReadOnlyList<BuiltImage> All => _readsEveryRecord ? Union() : _file.Read();

    public BuiltImage this[string name] =>
        All.FirstOrDefault(i => i.Name == name)
        ?? throw new KeyNotFoundException($"No image named '{name}' was built; built: {string.Join(", ", All.Select(i => i.Name))}.");

    /// <summary>Replaces this record with these images.</summary>
    public void Record(IEnumerable<BuiltImage> images) => _file.Write(images);

    private List<BuiltImage> Union()
    {
        var records = Directory.Exists(_folder)
            ? Directory.EnumerateFiles(_folder, RecordName, new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 1 })
                .Order(StringComparer.Ordinal)
                .Select(path => new HandOffFile<BuiltImage>(new AbsolutePath(path), "the image build"))
                .ToList()
            : [];
        if (records.Count == 0)
        {
            throw new TargetFailedException($"No image build has recorded its images under {_folder}: run a BuildImagesTarget first (each records what it built there).");
        }

        return [.. records
            .SelectMany(record => record.Read().Select(image => (Written: File.GetLastWriteTimeUtc(record.Path), Image: image)))
            .GroupBy(recorded => recorded.Image.Name, StringComparer.Ordinal)
            .Select(same => same.MaxBy(recorded => recorded.Written).Image)];
    }
}
