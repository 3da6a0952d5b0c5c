namespace Pipeline.Delivery.Tests.Support;

/// <summary>Questions for the Docker engine, asked with the docker CLI as a person would.</summary>
internal static class TestDocker
{
    /// <summary>A name no other test (or earlier run) uses.</summary>
    public static string UniqueName(string stem) => $"pipeline-test-{stem}-{Guid.NewGuid().ToString("N")[..8]}";

    public static Task<string> InspectAsync(string image, string format) =>
        Shell.RunAsync("docker", ["image", "inspect", "--format", format, image]);

    /// <summary>Removes every image of these repositories, under any registry and tag (a test's names are unique).</summary>
    public static async Task RemoveRepositoriesAsync(params IEnumerable<string?> names)
    {
        var wanted = names.OfType<string>().ToHashSet(StringComparer.Ordinal);
        var listing = await Shell.RunAsync("docker", ["image", "ls", "--format", "{{.Repository}} {{.ID}}"]);
        var ids = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Where(parts => wanted.Contains(parts[0]) || wanted.Any(name => parts[0].EndsWith("/" + name, StringComparison.Ordinal)))
            .Select(parts => parts[1])
            .Distinct()
            .ToList();
        if (ids.Count > 0)
        {
            // --no-prune: the classic builder's untagged step images may be another build's cache hit
            // right now; pruning them fails that build with "unable to find image sha256:…".
            await Shell.TryRunAsync("docker", ["image", "rm", "--force", "--no-prune", .. ids]);
        }
    }

    /// <summary>
    /// A FROM scratch image: one static file, and a label from a build argument. Its first step is
    /// unique, so no two tests share cached layers: one test removing its images cannot pull a parent
    /// out from under another's build ("unknown parent image ID" with the classic builder).
    /// </summary>
    public static void WriteScratchImage(TempRoot root, string directory, string content)
    {
        root.Write($"{directory}/Dockerfile", $"""
            FROM scratch
            LABEL test.build={Guid.NewGuid():N}
            ARG FLAVOUR=plain
            LABEL test.flavour=$FLAVOUR
            COPY message.txt /message.txt
            """);
        root.Write($"{directory}/message.txt", content);
    }
}
