using Pipeline.Components.Tools;

namespace Pipeline.Components.Linting;

/// <summary><c>go vet ./...</c> in a Go module (a directory relative to the root). Only go vet: add <see cref="GolangCiLint"/> for more.</summary>
public sealed class GoVet(string moduleDirectory = ".") : ILinter
{
    public string Name => $"go vet {moduleDirectory}";

    public Toolchain Toolchain => GoToolchain.For(moduleDirectory);

    public Task<LintReport> LintAsync(TargetContext context) =>
        GoLinterRun.RunAsync(context, Name, moduleDirectory, new ToolCommand("go").AddArguments("vet", "./..."), "go vet", "vet");
}
