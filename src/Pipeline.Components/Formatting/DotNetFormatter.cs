using Pipeline.Components.Tools;

namespace Pipeline.Components.Formatting;

/// <summary><c>dotnet format</c> over a project or solution (relative to the root), as its .editorconfig says.</summary>
/// <param name="projectOrSolution">A .csproj, .sln or .slnx relative to the root; with <see cref="Folder"/>, a folder.</param>
public sealed class DotNetFormatter(string projectOrSolution, DotNetFormatScope scope = DotNetFormatScope.All) : IFormatter
{
    // --verify-no-changes exits 2 when something would change.
    private const int WouldChange = 2;

    private readonly bool _folder;

    public string Name => $"dotnet format {projectOrSolution}";

    public Toolchain Toolchain => Toolchain.DotNet;

    /// <summary>
    /// Formats every C# file under the folder without loading a project (<c>--folder</c>): no restore,
    /// no compilation, nothing written into obj/, so it can run beside a build. Whitespace only: the
    /// other passes need a compilation.
    /// </summary>
    public bool Folder
    {
        get => _folder;
        init
        {
            if (value && scope != DotNetFormatScope.Whitespace)
            {
                throw new ArgumentException("dotnet format --folder formats whitespace only: use DotNetFormatScope.Whitespace.", nameof(Folder));
            }

            _folder = value;
        }
    }

    /// <summary>Files or folders, relative to the root, that it leaves alone (<c>--exclude</c>): build output, generated code.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public async Task<FormatCheck> CheckAsync(TargetContext context) =>
        new(Name, await RunAsync(context, "--verify-no-changes"));

    public Task<IReadOnlyList<string>> FixAsync(TargetContext context) => RunAsync(context);

    // The files come from the --report JSON rather than the console, whose wording changes between SDKs.
    private async Task<IReadOnlyList<string>> RunAsync(TargetContext context, params string[] mode)
    {
        var reportDirectory = Path.Combine(Path.GetTempPath(), "pipeline-format", Guid.NewGuid().ToString("N")[..12]);
        try
        {
            string[] subcommand = scope == DotNetFormatScope.All ? [] : [scope.ToString().ToLowerInvariant()];
            string[] folder = Folder ? ["--folder"] : [];
            var command = new ToolCommand("dotnet")
                .AddArguments(["format", .. subcommand, projectOrSolution, .. folder, .. mode, .. ExcludeArguments(context.RootDirectory), "--report", reportDirectory])
                .AcceptingExitCodes(WouldChange);
            var result = await context.RunAsync(command);
            var report = Path.Combine(reportDirectory, "format-report.json");
            if (!File.Exists(report))
            {
                throw ToolFailure.Unreadable("dotnet format", result);
            }

            return DotNetFormatReport.Files(await File.ReadAllTextAsync(report, context.Cancellation), context.RootDirectory);
        }
        finally
        {
            if (Directory.Exists(reportDirectory))
            {
                Directory.Delete(reportDirectory, recursive: true);
            }
        }
    }

    // dotnet format reads --exclude relative to the folder it formats with --folder, else to where it runs (the root).
    private IEnumerable<string> ExcludeArguments(AbsolutePath root)
    {
        if (Exclude.Count == 0)
        {
            return [];
        }

        var folder = ReportedPath.Directory(projectOrSolution, root);
        return ["--exclude", .. Exclude.Select(path => Folder ? Path.GetRelativePath(folder, root / path) : path)];
    }
}
