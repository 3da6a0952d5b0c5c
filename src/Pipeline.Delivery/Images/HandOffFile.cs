using System.Text.Json;

namespace Pipeline.Delivery;

/// <summary>
/// A typed list one target writes under <c>.nuke/temp/images/</c> and later targets read, in the
/// same run or a later <c>./build.sh</c> call (Build then Push then Deploy, run one at a time).
/// </summary>
internal sealed class HandOffFile<T>(AbsolutePath path, string writtenBy)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public AbsolutePath Path => path;

    public IReadOnlyList<T> Read()
    {
        if (!File.Exists(path))
        {
            throw new TargetFailedException($"No {path.Name} was found at {path}: run {writtenBy} first (it records what it made there).");
        }

        return JsonSerializer.Deserialize<List<T>>(File.ReadAllText(path), Json)
            ?? throw new TargetFailedException($"{path} is empty; run {writtenBy} again.");
    }

    public void Write(IEnumerable<T> items)
    {
        Directory.CreateDirectory(path.Parent!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(items.ToList(), Json));
        File.Move(temporary, path, overwrite: true);
    }
}
