using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.ReferenceWorkflows.Ripgrep;
using Pipeline.Tests.GitHubActions.Support;

// 03-ripgrep-rust-cross-release.md, "What a typed C# pipeline must express", bullet by bullet:
// - Tag-only push trigger with the filter pattern [0-9]+.[0-9]+.[0-9]+, verbatim and quoted: covered (typed).
// - Workflow permissions with id-token and attestations write: covered (typed).
// - A job output from the env context after GITHUB_ENV: covered (typed) differently: the CreateRelease
//   target reads VERSION (which the step wrote to GITHUB_ENV) and sets the Output<string>, which the
//   generator binds to the build step; `${{ env.VERSION }}` as a job output has no typed form.
// - Include-only matrix of heterogeneous objects (optional fields, non-unique build, runs-on per cell
//   including windows-11-arm): covered (typed: MatrixSpec.Include per cell, RunsOn(Os)).
// - Job env with an empty value: covered (typed: JobSpec.Env).
// - Step overrides of job env through GITHUB_ENV, read by later ifs and command lines: the writes are
//   script content; the reads in ifs and action inputs covered (typed: Contexts.Env("CARGO") == "cross",
//   Contexts.Env("ASSET")); in command lines, typed gap: Run takes text, so ${{ env.TARGET_FLAGS }} stays
//   in the script as written.
// - GITHUB_PATH: script content (out of scope: no typed helper).
// - Step ifs on matrix fields (==, !=, == '', startsWith and its negation in ${{ }}): covered (typed:
//   Contexts.Matrix(...) ==, !=, .StartsWith, !). The source's `${{ !startsWith(...) }}` is written
//   without the wrapper an if: does not need (the generator quotes it, as YAML needs for a leading !).
// - Explicit shell bash on all OSes: covered (typed: StepSpec.Shell, and DefaultShell for the build step).
// - Action inputs from matrix values: covered (typed: With("toolchain", Contexts.Matrix(Rust))).
// - needs.<job>.outputs.<name> inside scripts of matrix jobs: the build step gets it typed
//   (PIPELINE_OUTPUT_VERSION); in the scripts, typed gap: Run takes text, so the expression is written
//   into it as the source has it (Env("VERSION", Contexts.Output(Version)) would pass it typed, but as a
//   variable, not inside the script).
// - attest-build-provenance per artifact (path from env), checksums next to each asset: covered (typed
//   step, SHA pin, With("subject-path", Contexts.Env("ASSET"))).
// - gh release create --draft --verify-tag / gh release upload with the job token: create is the
//   CreateRelease target (typed secret parameter GITHUB_TOKEN); upload steps covered (typed Env with the
//   secret parameter).
// - Mixed pinning (tag, branch, SHA): each action by commit, with the tag or branch in a comment (issue 14:
//   the generated checkout from the action lock, dtolnay/rust-toolchain's master and attest-build-provenance by Pin).
// - docker run with volume mounts from a step: script content (out of scope: no typed helper).
namespace Pipeline.Tests.GitHubActions.ReferenceWorkflows;

/// <summary>ripgrep's release.yml reproduced as a pipeline: jobs, needs, the 14-cell matrix, outputs, permissions, trigger and steps.</summary>
public sealed class RipgrepSpecs
{
    private static WorkflowModel Plan() => Workflows.Plan<Release>(Declarations.Pipeline());

    private static YamlDotNet.RepresentationModel.YamlMappingNode Yaml() => RenderedYaml.Parse(Plan());

    [Fact]
    public void Create_release_publishes_the_version_and_both_builds_need_it()
    {
        var workflow = Plan();

        Assert.Equal(["create-release", "build-release", "build-release-deb"], workflow.Jobs.Select(j => j.Id));
        Assert.Empty(workflow["create-release"].Needs);
        Assert.Equal(["create-release"], workflow["build-release"].Needs);
        Assert.Equal(["create-release"], workflow["build-release-deb"].Needs);
        Assert.All(workflow.Jobs, job => Assert.Null(job.If));
        Assert.Equal([KeyValuePair.Create("version", "${{ steps.build.outputs.version }}")], workflow["create-release"].Outputs);
        Assert.All(["build-release", "build-release-deb"], job =>
            Assert.Contains(KeyValuePair.Create("PIPELINE_OUTPUT_VERSION", "${{ needs.create-release.outputs.version }}"), workflow[job].BuildStep.Env));
        Assert.Equal(["ubuntu-latest"], workflow["create-release"].RunsOn);
        Assert.Equal(["ubuntu-latest"], workflow["build-release-deb"].RunsOn);
    }

    [Fact]
    public void Only_a_tag_that_looks_like_a_version_triggers_it_with_write_and_attestation_permissions()
    {
        var yaml = Yaml();
        var content = Workflows.Render<Release>(Declarations.Pipeline()).Content;

        Assert.Equal("release", yaml.At("name").Text());
        Assert.Equal(["push"], yaml.At("on").Keys());
        Assert.Equal(["tags"], yaml.At("on", "push").Keys());
        Assert.Equal(["[0-9]+.[0-9]+.[0-9]+"], yaml.At("on", "push", "tags").Items());
        Assert.Contains("tags: ['[0-9]+.[0-9]+.[0-9]+']", content, StringComparison.Ordinal); // quoted: a bare [ would start a list
        Assert.Equal(["attestations", "contents", "id-token"], yaml.At("permissions").Keys());
        Assert.All(yaml.At("permissions").Keys(), key => Assert.Equal("write", yaml.At("permissions", key).Text()));
        Assert.False(yaml.Has("concurrency"));
        Assert.False(yaml.Has("env"));
    }

    [Fact]
    public void Build_release_is_an_include_only_matrix_of_fourteen_cells_each_on_its_own_runner()
    {
        var yaml = Yaml();
        var job = yaml.At("jobs", "build-release");

        Assert.Equal("${{ matrix.os }}", job.At("runs-on").Text());
        Assert.Equal("false", job.At("strategy", "fail-fast").Text());
        Assert.Equal(["include"], job.At("strategy", "matrix").Keys());
        var cells = ((YamlDotNet.RepresentationModel.YamlSequenceNode)job.At("strategy", "matrix", "include")).Children;
        Assert.Equal(14, cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            var expected = Declarations.Cells[i];
            Assert.Equal(expected.Build, cells[i].At("build").Text());
            Assert.Equal(expected.Os, cells[i].At("os").Text());
            Assert.Equal(expected.Rust, cells[i].At("rust").Text());
            Assert.Equal(expected.Target, cells[i].At("target").Text());
            Assert.Equal(expected.Strip, cells[i].Has("strip") ? cells[i].At("strip").Text() : null);
            Assert.Equal(expected.Qemu, cells[i].Has("qemu") ? cells[i].At("qemu").Text() : null);
        }

        Assert.Equal(2, cells.Count(c => c.At("build").Text() == "macos"));
        Assert.Contains(cells, c => c.At("os").Text() == "windows-11-arm");
        Assert.Equal("x86_64-linux-musl-strip", cells[0].At("strip").Text());
        Assert.False(cells[0].Has("qemu"));
    }

    [Fact]
    public void Build_release_env_declares_an_empty_TARGET_FLAGS_and_the_deb_job_its_target()
    {
        var yaml = Yaml();

        var env = yaml.At("jobs", "build-release", "env");
        Assert.Equal(["CARGO", "TARGET_FLAGS", "TARGET_DIR", "CROSS_VERSION", "RUST_BACKTRACE", "PCRE2_SYS_STATIC"], env.Keys());
        Assert.Equal("", env.At("TARGET_FLAGS").Text());
        Assert.Equal("cargo", env.At("CARGO").Text());
        Assert.Equal("v0.2.5", env.At("CROSS_VERSION").Text());
        var deb = yaml.At("jobs", "build-release-deb", "env");
        Assert.Equal(["TARGET", "RUST_BACKTRACE", "PCRE2_SYS_STATIC"], deb.Keys());
        Assert.Equal("x86_64-unknown-linux-musl", deb.At("TARGET").Text());
    }

    [Fact]
    public void Create_release_sets_VERSION_unless_preset_and_creates_the_draft_with_the_job_token()
    {
        var yaml = Yaml();
        var workflow = Plan();

        var version = yaml.Step("create-release", "Get the release version from the tag");
        Assert.Equal("env.VERSION == ''", version.At("if").Text());
        Assert.Contains(">> \"$GITHUB_ENV\"", version.At("run").Text(), StringComparison.Ordinal);
        Assert.Equal("./build.sh CreateRelease", workflow["create-release"].BuildStep.Run);
        Assert.Contains(KeyValuePair.Create("GITHUB_TOKEN", "${{ secrets.GITHUB_TOKEN }}"), workflow["create-release"].BuildStep.Env);
        Assert.Equal(["GITHUB_TOKEN"], workflow["create-release"].Secrets);
    }

    public static TheoryData<string, string> StepConditions => new()
    {
        { "Install packages (Ubuntu)", "matrix.os == 'ubuntu-latest'" },
        { "Use Cross", "matrix.os == 'ubuntu-latest' && matrix.target != ''" },
        { "Strip release binary (macos)", "matrix.os == 'macos-latest'" },
        { "Strip release binary (cross)", "env.CARGO == 'cross'" },
        { "Generate man page and completions (no emulation)", "matrix.qemu == ''" },
        { "Generate man page and completions (emulation)", "matrix.qemu != ''" },
        { "Build archive (Windows)", "startsWith(matrix.os, 'windows')" },
        { "Build archive (Unix)", "!startsWith(matrix.os, 'windows')" }, // the source wraps it in ${{ }}, which an if: does not need
    };

    [Theory]
    [MemberData(nameof(StepConditions))]
    public void Build_release_steps_switch_on_cell_fields_and_on_env_set_at_run_time(string step, string condition)
    {
        Assert.Equal(condition, Yaml().Step("build-release", step).At("if").Text());
    }

    [Fact]
    public void Build_release_steps_run_in_bash_everywhere_and_read_the_cells_toolchain_and_the_release_version()
    {
        var yaml = Yaml();
        var workflow = Plan();

        Assert.Equal(
            ["Check out", "Set up .NET", "Install packages (Ubuntu)", "Install Rust", "Use Cross", "Set target variables", "Show command used for Cargo",
             "Run BuildRelease", "Strip release binary (macos)", "Strip release binary (cross)", "Determine archive name", "Creating directory for archive",
             "Generate man page and completions (no emulation)", "Generate man page and completions (emulation)", "Build archive (Windows)", "Build archive (Unix)",
             "Generate artifact attestation", "Upload release archive", "Upload the run report", "Link the run report"],
            yaml.StepNames("build-release"));
        Assert.All(workflow["build-release"].Steps.Where(s => s.Run is not null && !s.IsBuild), step => Assert.Equal("bash", step.Shell));
        Assert.Equal("bash", yaml.At("jobs", "build-release", "defaults", "run", "shell").Text());
        Assert.Equal("./build.sh BuildRelease --skip CreateRelease", workflow["build-release"].BuildStep.Run);

        var rust = yaml.Step("build-release", "Install Rust");
        Assert.Equal("dtolnay/rust-toolchain@3c5f7ea28cd621ae0bf5283f0e981fb97b8a7af9", rust.At("uses").Text());
        Assert.Equal("${{ matrix.rust }}", rust.At("with", "toolchain").Text());
        Assert.Equal("${{ matrix.target }}", rust.At("with", "target").Text());
        Assert.Contains("GITHUB_PATH", yaml.Step("build-release", "Use Cross").At("run").Text(), StringComparison.Ordinal);
        Assert.Contains("CARGO=cross", yaml.Step("build-release", "Use Cross").At("run").Text(), StringComparison.Ordinal);
        Assert.Contains("${{ needs.create-release.outputs.version }}", yaml.Step("build-release", "Determine archive name").At("run").Text(), StringComparison.Ordinal);
        Assert.Contains("${{ matrix.strip }}", yaml.Step("build-release", "Strip release binary (cross)").At("run").Text(), StringComparison.Ordinal);

        var attest = yaml.Step("build-release", "Generate artifact attestation");
        Assert.Equal("actions/attest-build-provenance@977bb373ede98d70efdf65b84cb5f73e068dcc2a", attest.At("uses").Text());
        Assert.Equal("${{ env.ASSET }}", attest.At("with", "subject-path").Text());
        var upload = yaml.Step("build-release", "Upload release archive");
        Assert.Equal("${{ secrets.GITHUB_TOKEN }}", upload.At("env", "GITHUB_TOKEN").Text());
        Assert.Contains("gh release upload", upload.At("run").Text(), StringComparison.Ordinal);
        Assert.Equal(["GITHUB_TOKEN"], workflow["build-release"].Secrets);
    }

    [Fact]
    public void Build_release_deb_installs_cargo_deb_and_uploads_the_deb_from_its_folder()
    {
        var yaml = Yaml();

        Assert.Equal(
            ["Check out", "Set up .NET", "Install packages (Ubuntu)", "Install Rust", "Install cargo-deb", "Run BuildReleaseDeb", "Upload release archive", "Upload the run report", "Link the run report"],
            yaml.StepNames("build-release-deb"));
        var rust = yaml.Step("build-release-deb", "Install Rust");
        Assert.Equal("nightly", rust.At("with", "toolchain").Text());
        Assert.Equal("${{ env.TARGET }}", rust.At("with", "target").Text());
        Assert.StartsWith("cd \"$DEB_DIR\"", yaml.Step("build-release-deb", "Upload release archive").At("run").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Actions_are_referenced_by_commit_with_the_tag_or_branch_in_a_comment()
    {
        var content = Workflows.Render<Release>(Declarations.Pipeline()).Content;

        Assert.Matches("uses: actions/checkout@[0-9a-f]{40} # v4", content);
        Assert.Contains("uses: dtolnay/rust-toolchain@3c5f7ea28cd621ae0bf5283f0e981fb97b8a7af9 # master", content, StringComparison.Ordinal);
        Assert.Contains("uses: actions/attest-build-provenance@977bb373ede98d70efdf65b84cb5f73e068dcc2a # v3.0.0", content, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"uses: [^@\s]+@(?![0-9a-f]{40}\b)", content);
    }

    /// <summary>actionlint 1.7.7 predates the windows-11-arm runner label, which GitHub accepts: its only finding; GitHub's parser has none.</summary>
    [Fact]
    public async Task The_generated_workflow_passes_GitHubs_parser_and_actionlint_but_for_a_runner_label_actionlint_1_7_7_does_not_know()
    {
        var file = Workflows.Render<Release>(Declarations.Pipeline());

        var findings = await WorkflowLint.FindingsAsync(file.Content, "release.yml");

        Assert.Equal(
            ["actionlint [runner-label] label \"windows-11-arm\" is unknown"],
            findings.Select(f => $"{f.Tool} [{f.Kind}] {f.Message[..f.Message.IndexOf('.', StringComparison.Ordinal)]}"));
    }
}
