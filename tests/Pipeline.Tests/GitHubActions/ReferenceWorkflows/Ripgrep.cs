using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;

// shared/reference-workflows/03-ripgrep-rust-cross-release.md (release.yml), as a user of Pipeline
// would write it: a tag push creates a draft release and publishes its version; fourteen
// cross-compiled builds (include-only matrix, a runner, toolchain, strip tool and emulator per cell)
// archive, checksum, attest and upload to the release; a separate job builds the .deb.
namespace Pipeline.Tests.GitHubActions.ReferenceWorkflows.Ripgrep;

public static class Declarations
{
    // The per-cell fields of build-release's include-only matrix; strip and qemu are absent from some cells.
    public static readonly MatrixAxis Build = MatrixAxis.Of("build");

    public static readonly MatrixAxis Os = MatrixAxis.Of("os");

    public static readonly MatrixAxis Rust = MatrixAxis.Of("rust");

    public static readonly MatrixAxis Target = MatrixAxis.Of("target");

    public static readonly MatrixAxis Strip = MatrixAxis.Of("strip");

    public static readonly MatrixAxis Qemu = MatrixAxis.Of("qemu");

    /// <summary>The version being released: the tag's name, which Cargo.toml must carry.</summary>
    public static readonly Output<string> Version = new("The version of the release, from the tag");

    /// <summary>The job token, for the gh CLI.</summary>
    public static readonly Parameter<string> GitHubToken = Parameter.Secret("The run's GITHUB_TOKEN, for gh release");

    /// <summary>The fourteen cells: (build, os, rust, target, strip, qemu); null where the cell has no such field.</summary>
    public static readonly IReadOnlyList<(string Build, string Os, string Rust, string Target, string? Strip, string? Qemu)> Cells =
    [
        ("linux", "ubuntu-latest", "nightly", "x86_64-unknown-linux-musl", "x86_64-linux-musl-strip", null),
        ("stable-x86", "ubuntu-latest", "stable", "i686-unknown-linux-gnu", "x86_64-linux-gnu-strip", "i386"),
        ("stable-aarch64", "ubuntu-latest", "stable", "aarch64-unknown-linux-gnu", "aarch64-linux-gnu-strip", "qemu-aarch64"),
        ("stable-aarch64-musl", "ubuntu-latest", "stable", "aarch64-unknown-linux-musl", "aarch64-linux-musl-strip", "qemu-aarch64"),
        ("stable-arm-gnueabihf", "ubuntu-latest", "stable", "armv7-unknown-linux-gnueabihf", "arm-linux-gnueabihf-strip", "qemu-arm"),
        ("stable-arm-musleabihf", "ubuntu-latest", "stable", "armv7-unknown-linux-musleabihf", "arm-linux-musleabihf-strip", "qemu-arm"),
        ("stable-arm-musleabi", "ubuntu-latest", "stable", "armv7-unknown-linux-musleabi", "arm-linux-musleabi-strip", "qemu-arm"),
        ("stable-s390x", "ubuntu-latest", "stable", "s390x-unknown-linux-gnu", "s390x-linux-gnu-strip", "qemu-s390x"),
        ("macos", "macos-latest", "nightly", "x86_64-apple-darwin", null, null),
        ("macos", "macos-latest", "nightly", "aarch64-apple-darwin", null, null),
        ("win-msvc", "windows-latest", "nightly", "x86_64-pc-windows-msvc", null, null),
        ("win-gnu", "windows-latest", "nightly-x86_64-gnu", "x86_64-pc-windows-gnu", null, null),
        ("winaarch64-msvc", "windows-11-arm", "nightly", "aarch64-pc-windows-msvc", null, null),
        ("win32-msvc", "windows-latest", "nightly", "i686-pc-windows-msvc", null, null),
    ];

    public static PipelineBuilder Pipeline() => new PipelineBuilder().Add<CreateRelease>().Add<BuildRelease>().Add<BuildReleaseDeb>();

    /// <summary>One include entry per cell, with only the fields the cell has.</summary>
    public static MatrixSpec Include(MatrixSpec matrix)
    {
        foreach (var cell in Cells)
        {
            List<(MatrixAxis, string)> fields = [(Build, cell.Build), (Os, cell.Os), (Rust, cell.Rust), (Target, cell.Target)];
            if (cell.Strip is { } strip)
            {
                fields.Add((Strip, strip));
            }

            if (cell.Qemu is { } qemu)
            {
                fields.Add((Qemu, qemu));
            }

            matrix.Include([.. fields]);
        }

        return matrix;
    }
}

/// <summary>Checks that Cargo.toml carries the tag's version, creates the draft release (gh release create --draft --verify-tag) and publishes the version.</summary>
public sealed class CreateRelease : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.Produces(Declarations.Version).Requires(Declarations.GitHubToken);
}

/// <summary>$CARGO build --profile release-lto --features pcre2 $TARGET_FLAGS, for the cell's target; exports BIN.</summary>
public sealed class BuildRelease : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<CreateRelease>()
        .Consumes(Declarations.Version)
        .Matrix(m => Declarations.Include(m).RunsOn(Declarations.Os).FailFast(false));
}

/// <summary>cargo-deb: a debug build for the man page and completions, then the .deb and its checksum; exports DEB_DIR, DEB_NAME and SUM.</summary>
public sealed class BuildReleaseDeb : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<CreateRelease>().Consumes(Declarations.Version);
}

/// <summary>The workflow <c>release</c> (.github/workflows/release.yml).</summary>
public sealed class Release : Workflow
{
    // The description pins only this action by commit (v3.0.0); the others are pinned here at the branch or tag it gives.
    private const string AttestSha = "977bb373ede98d70efdf65b84cb5f73e068dcc2a";

    // dtolnay/rust-toolchain is used at its master branch: pinned to the branch's head when this reproduction was written.
    private const string RustToolchainSha = "3c5f7ea28cd621ae0bf5283f0e981fb97b8a7af9";

    // typed gap: expression in a script. Run takes text, so the output is written into it as GitHub's syntax;
    // Env("VERSION", Contexts.Output(Declarations.Version)) would hand it over typed, but as a variable, not in the script as the source has it.
    private const string ReleaseVersion = "${{ needs.create-release.outputs.version }}";

    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("release")
        .FileName("release")
        .OnPush(tags: ["[0-9]+.[0-9]+.[0-9]+"])
        .Permissions(Permission.Contents.Write, Permission.IdToken.Write, Permission.Attestations.Write)
        .Pin("actions/attest-build-provenance", AttestSha, "v3.0.0")
        .Pin("dtolnay/rust-toolchain", RustToolchainSha, "master")
        .Job<CreateRelease>(j => j
            .RunsOn("ubuntu-latest")
            .NoCaches()
            .BeforeBuild(s => s.Name("Get the release version from the tag").Shell("bash")
                .If(Contexts.Env("VERSION") == "")
                .Run("echo \"VERSION=$GITHUB_REF_NAME\" >> \"$GITHUB_ENV\""))
            .BeforeBuild(s => s.Name("Show the version").Shell("bash").Run("echo \"version is: $VERSION\"")))
        .Job<BuildRelease>(j => j
            .Env("CARGO", "cargo")
            .Env("TARGET_FLAGS", "")
            .Env("TARGET_DIR", "./target")
            .Env("CROSS_VERSION", "v0.2.5")
            .Env("RUST_BACKTRACE", "1")
            .Env("PCRE2_SYS_STATIC", "1")
            .DefaultShell("bash") // the build step runs ./build.sh in bash on the Windows cells too
            .NoCaches()
            .BeforeBuild(s => s.Name("Install packages (Ubuntu)").Shell("bash")
                .If(Os == "ubuntu-latest")
                .Run("ci/ubuntu-install-packages"))
            .BeforeBuild(s => s.Name("Install Rust").Uses("dtolnay/rust-toolchain")
                .With("toolchain", Contexts.Matrix(Declarations.Rust))
                .With("target", Target))
            .BeforeBuild(s => s.Name("Use Cross").Shell("bash")
                .If(Os == "ubuntu-latest" & Target != "")
                .Run("""
                    dir="$RUNNER_TEMP/cross-download"
                    mkdir "$dir"
                    echo "$dir" >> "$GITHUB_PATH"
                    cd "$dir"
                    curl -LO "https://github.com/cross-rs/cross/releases/download/$CROSS_VERSION/cross-x86_64-unknown-linux-musl.tar.gz"
                    tar xf cross-x86_64-unknown-linux-musl.tar.gz
                    echo "CARGO=cross" >> "$GITHUB_ENV"
                    """))
            .BeforeBuild(s => s.Name("Set target variables").Shell("bash").Run("""
                echo "TARGET_FLAGS=--target ${{ matrix.target }}" >> "$GITHUB_ENV"
                echo "TARGET_DIR=./target/${{ matrix.target }}" >> "$GITHUB_ENV"
                """)) // typed gap: expression in a script (Run takes text)
            .BeforeBuild(s => s.Name("Show command used for Cargo").Shell("bash").Run("""
                echo "cargo command is: ${{ env.CARGO }}"
                echo "target flag is: ${{ env.TARGET_FLAGS }}"
                echo "target dir is: ${{ env.TARGET_DIR }}"
                """)) // typed gap: expression in a script (Run takes text)
            .AfterBuild(s => s.Name("Strip release binary (macos)").Shell("bash")
                .If(Os == "macos-latest")
                .Run("strip \"$BIN\""))
            .AfterBuild(s => s.Name("Strip release binary (cross)").Shell("bash")
                .If(Contexts.Env("CARGO") == "cross") // a value an earlier step wrote to GITHUB_ENV
                .Run("""
                    docker run --rm -v "$PWD/target:/target:Z" "ghcr.io/cross-rs/${{ matrix.target }}:main" \
                      "${{ matrix.strip }}" "/$BIN"
                    """))
            .AfterBuild(s => s.Name("Determine archive name").Shell("bash").Run($$$"""
                version="{{{ReleaseVersion}}}"
                echo "ARCHIVE=ripgrep-$version-${{ matrix.target }}" >> "$GITHUB_ENV"
                """))
            .AfterBuild(s => s.Name("Creating directory for archive").Shell("bash").Run("""
                mkdir -p "$ARCHIVE"/{complete,doc}
                cp "$BIN" "$ARCHIVE"/
                cp {README.md,COPYING,UNLICENSE,LICENSE-MIT} "$ARCHIVE"/
                cp {CHANGELOG.md,FAQ.md,GUIDE.md} "$ARCHIVE"/doc/
                """))
            .AfterBuild(s => s.Name("Generate man page and completions (no emulation)").Shell("bash")
                .If(Contexts.Matrix(Declarations.Qemu) == "") // a cell without the field reads ''
                .Run("""
                    "$BIN" --version
                    "$BIN" --generate complete-bash > "$ARCHIVE/complete/rg.bash"
                    "$BIN" --generate complete-fish > "$ARCHIVE/complete/rg.fish"
                    "$BIN" --generate complete-powershell > "$ARCHIVE/complete/_rg.ps1"
                    "$BIN" --generate complete-zsh > "$ARCHIVE/complete/_rg"
                    "$BIN" --generate man > "$ARCHIVE/doc/rg.1"
                    """))
            .AfterBuild(s => s.Name("Generate man page and completions (emulation)").Shell("bash")
                .If(Contexts.Matrix(Declarations.Qemu) != "")
                .Run("""
                    docker run --rm -v "$PWD/target:/target:Z" "ghcr.io/cross-rs/${{ matrix.target }}:main" \
                      "${{ matrix.qemu }}" "/$BIN" --version
                    for shell in bash fish powershell zsh; do
                      docker run --rm -v "$PWD/target:/target:Z" "ghcr.io/cross-rs/${{ matrix.target }}:main" \
                        "${{ matrix.qemu }}" "/$BIN" --generate "complete-$shell" > "$ARCHIVE/complete/rg.$shell"
                    done
                    docker run --rm -v "$PWD/target:/target:Z" "ghcr.io/cross-rs/${{ matrix.target }}:main" \
                      "${{ matrix.qemu }}" "/$BIN" --generate man > "$ARCHIVE/doc/rg.1"
                    """))
            .AfterBuild(s => s.Name("Build archive (Windows)").Shell("bash")
                .If(Os.StartsWith("windows"))
                .Run("""
                    7z a "$ARCHIVE.zip" "$ARCHIVE"
                    certutil -hashfile "$ARCHIVE.zip" SHA256 > "$ARCHIVE.zip.sha256"
                    echo "ASSET=$ARCHIVE.zip" >> "$GITHUB_ENV"
                    echo "ASSET_SUM=$ARCHIVE.zip.sha256" >> "$GITHUB_ENV"
                    """))
            .AfterBuild(s => s.Name("Build archive (Unix)").Shell("bash")
                .If(!Os.StartsWith("windows"))
                .Run("""
                    tar czf "$ARCHIVE.tar.gz" "$ARCHIVE"
                    shasum -a 256 "$ARCHIVE.tar.gz" > "$ARCHIVE.tar.gz.sha256"
                    echo "ASSET=$ARCHIVE.tar.gz" >> "$GITHUB_ENV"
                    echo "ASSET_SUM=$ARCHIVE.tar.gz.sha256" >> "$GITHUB_ENV"
                    """))
            .AfterBuild(s => s.Name("Generate artifact attestation").Uses("actions/attest-build-provenance")
                .With("subject-path", Contexts.Env("ASSET")))
            .AfterBuild(s => s.Name("Upload release archive").Shell("bash")
                .Env("GITHUB_TOKEN", Declarations.GitHubToken)
                .Run($$$"""
                    version="{{{ReleaseVersion}}}"
                    gh release upload "$version" ${{ env.ASSET }} ${{ env.ASSET_SUM }}
                    """)))
        .Job<BuildReleaseDeb>(j => j
            .RunsOn("ubuntu-latest")
            .Env("TARGET", "x86_64-unknown-linux-musl")
            .Env("RUST_BACKTRACE", "1")
            .Env("PCRE2_SYS_STATIC", "1")
            .DefaultShell("bash")
            .NoCaches()
            .BeforeBuild(s => s.Name("Install packages (Ubuntu)").Shell("bash").Run("ci/ubuntu-install-packages"))
            .BeforeBuild(s => s.Name("Install Rust").Uses("dtolnay/rust-toolchain")
                .With("toolchain", "nightly")
                .With("target", Contexts.Env("TARGET")))
            .BeforeBuild(s => s.Name("Install cargo-deb").Shell("bash").Run("cargo install cargo-deb"))
            .AfterBuild(s => s.Name("Upload release archive").Shell("bash")
                .Env("GITHUB_TOKEN", Declarations.GitHubToken)
                .Run($"""
                    cd "$DEB_DIR"
                    version="{ReleaseVersion}"
                    gh release upload "$version" "$DEB_NAME" "$DEB_NAME.sha256"
                    """)));

    private static StringExpression Os => Contexts.Matrix(Declarations.Os).AsString();

    private static StringExpression Target => Contexts.Matrix(Declarations.Target).AsString();
}
