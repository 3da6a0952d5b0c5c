namespace Pipeline.Delivery;

/// <summary>
/// What a Dockerfile's stages need to build for a foreign platform. A stage runs commands (<c>RUN</c>)
/// on the platform it is built for, so building it for another processor needs emulation (QEMU) —
/// unless it names the build machine's platform (<c>FROM --platform=$BUILDPLATFORM …</c>, the
/// cross-compiling pattern). Stages without <c>RUN</c> (a <c>FROM scratch</c> image that copies a
/// static binary) only assemble files and build for any platform.
/// </summary>
internal static class DockerfileStages
{
    /// <summary>The first instruction that would run emulated (<c>line 4: RUN apk add curl</c>), or null when none would.</summary>
    public static string? FirstEmulatedCommand(string dockerfile)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        var native = false;
        var lines = Instructions(dockerfile);
        foreach (var (number, text) in lines)
        {
            var keyword = text.Split((char[])[' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries)[0].ToUpperInvariant();
            if (keyword == "FROM")
            {
                native = text.Contains("--platform=$BUILDPLATFORM", StringComparison.OrdinalIgnoreCase)
                    || text.Contains("--platform=${BUILDPLATFORM}", StringComparison.OrdinalIgnoreCase);
            }
            else if (keyword == "RUN" && !native)
            {
                return $"line {number}: {(text.Length > 60 ? text[..60] + "…" : text)}";
            }
        }

        return null;
    }

    /// <summary>Each instruction with the line it starts on: comments and blank lines left out, continuations joined.</summary>
    private static List<(int Line, string Text)> Instructions(string dockerfile)
    {
        var result = new List<(int, string)>();
        var lines = dockerfile.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = 0;
        var current = "";
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (current.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            if (current.Length == 0)
            {
                start = i + 1;
            }

            var continues = line.EndsWith('\\');
            current += (current.Length == 0 ? "" : " ") + (continues ? line[..^1].Trim() : line);
            if (!continues)
            {
                result.Add((start, current));
                current = "";
            }
        }

        if (current.Length > 0)
        {
            result.Add((start, current));
        }

        return result;
    }
}
