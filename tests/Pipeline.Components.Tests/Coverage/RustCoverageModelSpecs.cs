using Pipeline.Components.Coverage;

namespace Pipeline.Components.Tests.Coverage;

/// <summary>The parts of Rust coverage that read tool output and pick the LLVM tools, on known inputs.</summary>
public sealed class RustCoverageModelSpecs
{
    private static readonly string[] RustcVerbose =
    [
        "rustc 1.95.0 (59807616e 2026-04-14)",
        "binary: rustc",
        "host: x86_64-unknown-linux-gnu",
        "release: 1.95.0",
        "LLVM version: 22.1.2",
    ];

    [Fact]
    public void An_lcov_trace_becomes_line_hits_per_workspace_package_and_files_of_no_package_are_left_out()
    {
        var workspace = new CargoWorkspace(new AbsolutePath("/w"), [new CratePackage("kit", new AbsolutePath("/w/crates/kit")), new CratePackage("inner", new AbsolutePath("/w/crates/kit/inner"))]);
        string[] trace =
        [
            "SF:/w/crates/kit/src/lib.rs", "FN:1,_RNv", "DA:1,3", "DA:2,0", "LF:2", "LH:1", "end_of_record",
            "SF:/w/crates/kit/inner/src/lib.rs", "DA:4,1", "end_of_record",
            "SF:/elsewhere/dep/src/lib.rs", "DA:1,1", "end_of_record",
            // The same file again (from another test binary): its counts add up.
            "SF:/w/crates/kit/src/lib.rs", "DA:2,2", "end_of_record",
        ];

        var files = LcovTrace.Parse(trace, workspace);

        Assert.Equal(["crates/kit/inner/src/lib.rs", "crates/kit/src/lib.rs"], files.Select(f => f.Path));
        Assert.Equal("inner", files[0].Package); // the innermost package's folder holds it
        Assert.Equal(new Dictionary<int, long> { [4] = 1 }, files[0].Hits);
        Assert.Equal("kit", files[1].Package);
        Assert.Equal(new Dictionary<int, long> { [1] = 3, [2] = 2 }, files[1].Hits);
    }

    [Fact]
    public void Cargo_messages_give_each_executable_once_and_metadata_the_packages_with_their_folders()
    {
        string[] messages =
        [
            """{"reason":"compiler-artifact","package_id":"calc","target":{"kind":["lib"]},"executable":null}""",
            """{"reason":"compiler-artifact","package_id":"calc","target":{"kind":["lib"]},"executable":"/w/target/coverage/debug/deps/calc-1"}""",
            """{"reason":"compiler-artifact","package_id":"calc","target":{"kind":["test"]},"executable":"/w/target/coverage/debug/deps/calc-2"}""",
            """{"reason":"compiler-artifact","package_id":"calc","target":{"kind":["test"]},"executable":"/w/target/coverage/debug/deps/calc-2"}""",
            """{"reason":"build-finished","success":true}""",
        ];
        const string Metadata = """
            {"packages":[{"name":"util","manifest_path":"/w/crates/util/Cargo.toml"},{"name":"calc","manifest_path":"/w/crates/calc/Cargo.toml"}],
             "workspace_root":"/w","version":1}
            """;

        var executables = CargoJson.Executables(messages);
        var workspace = CargoJson.Workspace(Metadata);

        Assert.Equal(["/w/target/coverage/debug/deps/calc-1", "/w/target/coverage/debug/deps/calc-2"], executables);
        Assert.Equal(new AbsolutePath("/w"), workspace.Root);
        Assert.Equal([new CratePackage("calc", new AbsolutePath("/w/crates/calc")), new CratePackage("util", new AbsolutePath("/w/crates/util"))], workspace.Packages);
    }

    [Fact]
    public void Rustc_verbose_version_gives_its_release_and_llvm()
    {
        var rustc = Rustc.Parse(RustcVerbose, "/home/u/.rustup/toolchains/stable/lib/rustlib/x86_64-unknown-linux-gnu/lib");

        Assert.Equal(("1.95.0", "22.1.2", "22"), (rustc.Release, rustc.LlvmVersion, rustc.LlvmMajor));
        Assert.Equal("rustc 1.95.0 (LLVM 22.1.2)", rustc.ToString());
        Assert.Throws<TargetFailedException>(() => Rustc.Parse(["rustc 1.95.0"], "/x"));
    }

    [Fact]
    public void Rustups_llvm_tools_come_first_then_the_versioned_ones_of_rustcs_llvm_then_any_on_PATH()
    {
        using var root = new TempRoot();
        var libDirectory = Directory.CreateDirectory(root.Path / "sysroot" / "lib" / "rustlib" / "host" / "lib").FullName;
        var bin = Directory.CreateDirectory(root.Path / "bin").FullName;
        foreach (var name in new[] { "llvm-profdata", "llvm-cov", "llvm-profdata-21", "llvm-cov-21", "llvm-profdata-22", "llvm-cov-22" })
        {
            Executable(bin, name);
        }

        var rustc = Rustc.Parse(RustcVerbose, libDirectory);
        var path = new Dictionary<string, string> { ["PATH"] = bin, ["HOME"] = root.Path };

        var versioned = LlvmTools.Find(rustc, path);
        Executable(root.Path / "sysroot" / "lib" / "rustlib" / "host" / "bin", "llvm-profdata");
        Executable(root.Path / "sysroot" / "lib" / "rustlib" / "host" / "bin", "llvm-cov");
        var rustup = LlvmTools.Find(rustc, path);
        var plain = LlvmTools.Find(rustc with { LlvmVersion = "23.0.0", TargetLibDirectory = root.Path / "nowhere" / "lib" }, path);

        Assert.Equal((Path.Combine(bin, "llvm-profdata-22"), Path.Combine(bin, "llvm-cov-22")), (versioned.Profdata, versioned.Cov));
        Assert.Equal(
            (root.Path / "sysroot" / "lib" / "rustlib" / "host" / "bin" / "llvm-profdata").Value,
            rustup.Profdata);
        Assert.Contains("rustup's llvm-tools of rustc 1.95.0 (LLVM 22.1.2)", rustup.Why, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(bin, "llvm-profdata"), plain.Profdata);
        Assert.Contains("may not be rustc 1.95.0 (LLVM 23.0.0)'s", plain.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_llvm_tools_the_failure_says_how_to_install_those_of_rustcs_llvm()
    {
        using var root = new TempRoot();
        var rustc = Rustc.Parse(RustcVerbose, root.Path / "lib");

        var failure = Assert.Throws<TargetFailedException>(() => LlvmTools.Find(rustc, new Dictionary<string, string> { ["PATH"] = root.Path, ["HOME"] = root.Path }));

        Assert.Equal($"llvm-profdata and llvm-cov of LLVM 22 are not installed: {LlvmTools.InstallHint}.", failure.Message);
    }

    private static void Executable(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name);
        File.WriteAllText(file, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
    }
}
