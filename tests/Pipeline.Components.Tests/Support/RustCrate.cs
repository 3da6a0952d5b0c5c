namespace Pipeline.Components.Tests.Support;

/// <summary>A std-only Cargo package written into a temp root, for the cargo fmt and clippy tests.</summary>
public static class RustCrate
{
    public static void Write(TempRoot root, string directory, string libSource)
    {
        root.Write($"{directory}/Cargo.toml", "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n");
        root.Write($"{directory}/src/lib.rs", libSource);
    }
}
