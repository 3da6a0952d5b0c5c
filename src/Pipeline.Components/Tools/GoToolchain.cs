namespace Pipeline.Components.Tools;

/// <summary>Go, set up in CI from the go.mod of the module a component works in.</summary>
internal static class GoToolchain
{
    /// <summary>
    /// The root's go.mod for the root module; a module in a folder pins its own version (a repository
    /// of several modules may have no go.mod at its root, and setup-go fails on a missing file).
    /// </summary>
    public static Toolchain For(string moduleDirectory) =>
        moduleDirectory.TrimEnd('/') is "" or "." ? Toolchain.Go : Toolchain.Go.WithVersionFile($"{moduleDirectory.TrimEnd('/')}/go.mod");
}
