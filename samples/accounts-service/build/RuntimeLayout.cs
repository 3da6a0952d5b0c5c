using System.Globalization;
using System.Runtime.InteropServices;
using Pipeline;

namespace AccountsService.Build;

/// <summary>
/// The .NET runtime this pipeline runs on, copied under /dotnet of an image's file system, with the
/// shared libraries it needs (as <c>ldd</c> resolves them here) in /usr/lib and the loader at its own path.
/// </summary>
public static class RuntimeLayout
{
    // Loaded with dlopen, so ldd cannot see them: OpenSSL backs hashing and random numbers on Linux.
    private static readonly string[] OpenedAtRunTime = ["libssl.so.3", "libcrypto.so.3"];

    /// <param name="aspNetCore">Also the ASP.NET Core shared framework: the API needs it, the executor does not.</param>
    public static async Task CopyAsync(AbsolutePath image, TargetContext context, bool aspNetCore = true)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new TargetFailedException("The image's runtime is copied from this machine's: publish on Linux.");
        }

        // The running runtime: <root>/shared/Microsoft.NETCore.App/<version>/
        var core = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var root = core.Parent!.Parent!.Parent!.FullName;
        var version = core.Name;
        var target = image / "dotnet";
        File.Copy(Path.Combine(root, "dotnet"), EnsureParent(target / "dotnet"));
        Copy(Newest(Path.Combine(root, "host", "fxr")), target / "host" / "fxr" / Path.GetFileName(Newest(Path.Combine(root, "host", "fxr"))));
        Copy(core.FullName, target / "shared" / "Microsoft.NETCore.App" / version);
        if (aspNetCore)
        {
            Copy(Path.Combine(root, "shared", "Microsoft.AspNetCore.App", version), target / "shared" / "Microsoft.AspNetCore.App" / version);
        }

        var natives = Directory.EnumerateFiles(target, "*.so", SearchOption.AllDirectories).Append(target / "dotnet");
        var libraries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var native in natives)
        {
            var ldd = await context.RunAsync(new ToolCommand("ldd").AddArguments(native).WithQuietOutput().AcceptingExitCodes(0, 1));
            foreach (var line in ldd.Output)
            {
                if (LibraryPath(line) is { } path)
                {
                    libraries.Add(path);
                }
            }
        }

        foreach (var name in OpenedAtRunTime)
        {
            if (libraries.Select(Path.GetDirectoryName).Distinct().Select(d => Path.Combine(d!, name)).FirstOrDefault(File.Exists) is { } found)
            {
                libraries.Add(found);
            }
        }

        foreach (var library in libraries)
        {
            // The loader keeps the path programs name it by; the rest go where it searches by default.
            var destination = library.Contains("/ld-linux", StringComparison.Ordinal)
                ? image / library.TrimStart('/')
                : image / "usr" / "lib" / Path.GetFileName(library);
            File.Copy(library, EnsureParent(destination), overwrite: true);
        }

        Directory.CreateDirectory(image / "tmp");
        File.SetUnixFileMode(image / "tmp", (UnixFileMode)Convert.ToInt32("1777", 8));
        context.Log.Info($"runtime {version} and {libraries.Count} system libraries copied");
    }

    public static string SizeInMegabytes(AbsolutePath folder) =>
        (Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / 1_048_576).ToString(CultureInfo.InvariantCulture);

    /// <summary>"libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)" or "/lib64/ld-linux-x86-64.so.2 (0x…)" → the path.</summary>
    private static string? LibraryPath(string line)
    {
        var text = line.Contains("=>", StringComparison.Ordinal) ? line[(line.IndexOf("=>", StringComparison.Ordinal) + 2)..] : line;
        var path = text.Trim().Split(' ')[0];
        return path.StartsWith('/') && File.Exists(path) ? path : null;
    }

    private static string Newest(string folder) =>
        Directory.GetDirectories(folder).OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version()).Last();

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, EnsureParent(Path.Combine(to, Path.GetRelativePath(from, file))));
        }
    }

    private static string EnsureParent(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return file;
    }
}
