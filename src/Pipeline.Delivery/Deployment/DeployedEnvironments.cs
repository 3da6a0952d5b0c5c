using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Delivery;

/// <summary>
/// The last deployment to each environment, kept in <c>.nuke/temp/deployments/&lt;environment&gt;.json</c>
/// so a later target (Smoke: <c>DefaultAddressAsync</c>) or a later <c>./build.sh</c> call knows where
/// the application answers. Take it in a target's constructor.
/// </summary>
public sealed class DeployedEnvironments
{
    private readonly AbsolutePath _root;

    public DeployedEnvironments(PipelineEnvironment environment) =>
        _root = environment?.RootDirectory ?? throw new ArgumentNullException(nameof(environment));

    private DeployedEnvironments(AbsolutePath root) => _root = root;

    /// <summary>The deployments recorded under <paramref name="root"/> (a target reads its context's root).</summary>
    public static DeployedEnvironments In(AbsolutePath root) => new(root);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private AbsolutePath Folder => _root / ".nuke" / "temp" / "deployments";

    /// <summary>The last deployment to <paramref name="name"/>, or null when this checkout has not deployed there.</summary>
    public DeployedEnvironment? Last(string name)
    {
        var file = FileOf(name);
        return File.Exists(file) ? JsonSerializer.Deserialize<DeployedEnvironment>(File.ReadAllText(file), Json) : null;
    }

    /// <summary>Where the last deployment to <paramref name="name"/> answers, if known.</summary>
    public Uri? UrlOf(string name) => Last(name)?.Url;

    public void Record(Deployment request, DeploymentResult result, string driver)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        Record(new DeployedEnvironment(request.Environment, request.Application, result.Image ?? request.Image.ToString(), result.Url, result.Outcome, driver)
        {
            Container = result.Container,
            Color = result.Color,
        });
    }

    /// <summary>Writes <paramref name="entry"/> whole (a blue-green switch, and the switch back, are such writes).</summary>
    internal void Record(DeployedEnvironment entry)
    {
        var file = FileOf(entry.Environment);
        Directory.CreateDirectory(Folder);
        File.WriteAllText(file + ".tmp", JsonSerializer.Serialize(entry, Json));
        File.Move(file + ".tmp", file, overwrite: true);
    }

    private AbsolutePath FileOf(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? Folder / (name + ".json")
            : throw new ArgumentException($"'{name}' is not an environment name (letters, digits, '-' and '_').", nameof(name));
}
