namespace Pipeline.Components.Coverage;

/// <summary>
/// <c>go test -coverprofile -coverpkg=./... ./...</c> in a module's folder (so packages without tests
/// count as uncovered rather than vanish), converted to Cobertura XML.
/// </summary>
/// <param name="moduleDirectory">The folder with go.mod, relative to the repository root.</param>
public sealed class GoCoverage(string moduleDirectory) : ICoverageSource
{
    private static readonly Tool Go = new("go");

    public string Name => $"go {moduleDirectory}";

    public Toolchain Toolchain => Toolchain.Go.WithVersionFile($"{moduleDirectory.TrimEnd('/')}/go.mod");

    public async Task<IReadOnlyList<AbsolutePath>> CollectAsync(TargetContext context)
    {
        var module = AbsolutePath.Resolve(moduleDirectory, context.RootDirectory);
        var data = CoverageFiles.FreshDataFolder(context, Name);
        var profile = data / "cover.out";
        await context.RunAsync(Go.Command("test", $"-coverprofile={profile}", "-coverpkg=./...", "./...").WithWorkingDirectory(module));

        var modulePath = GoCoverProfile.ModulePathOf(File.ReadLines(module / "go.mod"));
        var files = GoCoverProfile.Parse(File.ReadLines(profile), modulePath, relative =>
        {
            var source = module / relative;
            return File.Exists(source) ? File.ReadAllLines(source) : null;
        });
        var cobertura = data / "coverage.cobertura.xml";
        CoberturaReport.Write(cobertura, module, files, context.Clock.GetUtcNow());
        return [cobertura];
    }
}
