using Pipeline.Components.Testing;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Testing;

/// <summary>Test projects as suites of their own, each a matrix cell, summed by <see cref="SuiteTotals"/>.</summary>
public sealed class SuitesSideBySide(TestSuiteList suites) : TestTarget
{
    protected override IEnumerable<ITestSuite> Suites => suites.All;

    protected override bool SuitesAsMatrix => true;

    protected override void Extend(TargetSpec target) => target.ProceedAfterFailure();
}

public sealed class SuiteTotals(TestSuiteList suites) : TestTotalsTarget<SuitesSideBySide>
{
    protected override IEnumerable<ITestSuite> Suites => suites.All;
}

public sealed class SuiteInputsSpecs
{
    private const string AppTests = "tests/App.Tests/App.Tests.csproj";

    [Fact]
    public void A_DotNetTests_target_reads_the_projects_it_references_transitively_and_what_they_include_but_not_bin_or_obj()
    {
        using var root = Repository();

        var files = InputFilesOf(root, new DotNetTests(AppTests));

        Assert.Contains("tests/App.Tests/AppSpecs.cs", files);
        Assert.Contains("src/Lib/Lib.cs", files);
        Assert.Contains("src/Core/Core.cs", files);             // referenced by Lib, not by the tests
        Assert.Contains("src/Core/Core.csproj", files);
        Assert.Contains("tests/Shared/Helper.cs", files);       // <Compile Include="../Shared/**/*.cs" />
        Assert.Contains("Directory.Build.props", files);
        Assert.Contains("Directory.Packages.props", files);
        Assert.Contains("src/Directory.Build.props", files);    // an import above Lib and Core
        Assert.Contains("global.json", files);
        Assert.DoesNotContain("src/Other/Other.cs", files);
        Assert.DoesNotContain(files, f => f.Contains("/bin/", StringComparison.Ordinal) || f.Contains("/obj/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_DotNetTests_target_given_the_root_folder_reads_the_whole_folder_and_the_projects_of_its_solution()
    {
        using var root = Repository();
        root.Write("App.slnx", """<Solution><Project Path="tests/App.Tests/App.Tests.csproj" /></Solution>""");

        var files = InputFilesOf(root, new DotNetTests("."));

        Assert.Contains("App.slnx", files);
        Assert.Contains("src/Other/Other.cs", files);           // the folder is the root: everything in it
        Assert.Contains("src/Core/Core.cs", files);
        Assert.DoesNotContain(files, f => f.Contains("/bin/", StringComparison.Ordinal) || f.Contains("/obj/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_suite_also_reads_the_SDK_version_and_the_globs_it_is_told_its_tests_read()
    {
        using var root = Repository();
        root.Write("samples/app/readme.md", "a sample the tests check");

        var inputs = InputsOf(root, new DotNetTests(AppTests) { AlsoReads = ["samples/**"] }, cell: null);

        Assert.Contains(RequiredTool.DotNet, inputs.ToolVersions);
        Assert.Contains("samples/app/readme.md", InputFiles.Match(root.Path, inputs.FileGlobs));
    }

    [Fact]
    public async Task A_change_in_a_referenced_project_makes_the_tests_run_again_and_bin_or_obj_or_an_unrelated_project_does_not()
    {
        Requirements.Tool("dotnet");
        using var root = Repository();
        var suite = new CountedSuite(new DotNetTests(AppTests));
        var pipeline = TestPipeline.With(suite);

        Assert.Equal(ExitCodes.Success, (await pipeline.RunAsync(root, ["Test"])).ExitCode);
        root.Write("src/Core/bin/Debug/Core.dll", "rebuilt");
        root.Write("src/Lib/obj/project.assets.json", "{}");
        root.Write("src/Other/Other.cs", "class Other2 { }");
        var unchanged = await pipeline.RunAsync(root, ["Test"]);
        root.Write("src/Core/Core.cs", "public static class Core { public static int Two => 2; }");
        var changed = await pipeline.RunAsync(root, ["Test"]);

        Assert.Contains("Test │ Up to date: no input changed since its last success", unchanged.Lines);
        Assert.Contains("Test │ Runs: file src/Core/Core.cs edited", changed.Lines);
        Assert.Equal(2, suite.Runs);
    }

    [Fact]
    public async Task Each_suite_is_a_cell_of_its_own_so_a_change_runs_only_its_suite_and_the_totals_count_the_others_from_their_last_run()
    {
        Requirements.Tool("dotnet");
        using var root = Repository();
        root.Write("tests/Other.Tests/Other.Tests.csproj", Project("../../src/Other/Other.csproj"));
        var app = new CountedSuite(new DotNetTests(AppTests), passed: 3);
        var other = new CountedSuite(new DotNetTests("tests/Other.Tests/Other.Tests.csproj"), passed: 5);
        var pipeline = new PipelineBuilder().Provide(new TestSuiteList(app, other)).Add<SuiteTotals>();

        var first = await pipeline.RunAsync(root, ["SuiteTotals"]);
        root.Write("src/Other/Other.cs", "class Other { int x; }");
        var second = await pipeline.RunAsync(root, ["SuiteTotals"]);

        Assert.Contains("8 passed, 0 failed, 0 skipped", TotalsOf(first));
        Assert.Equal((1, 2), (app.Runs, other.Runs));
        Assert.Contains("SuitesSideBySide │ [suite=App.Tests] Up to date: no input changed since its last success", second.Lines);
        Assert.Contains("8 passed, 0 failed, 0 skipped (1 of 2 suites up to date, counted from their last run)", TotalsOf(second));
    }

    [Fact]
    public async Task A_failing_suite_is_counted_and_named_by_the_totals_which_fail_in_its_place()
    {
        Requirements.Tool("dotnet");
        using var root = Repository();
        var pipeline = new PipelineBuilder()
            .Provide(new TestSuiteList(new CountedSuite(new DotNetTests(AppTests), passed: 2), new CountedSuite(new DotNetTests("tests/Other.Tests/Other.Tests.csproj"), failed: "Other.Breaks")))
            .Add<SuiteTotals>();

        var run = await pipeline.RunAsync(root, ["SuiteTotals"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("2 passed, 1 failed, 0 skipped", TotalsOf(run));
        Assert.Contains("1 test failed: Other.Breaks", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Tests of App reference Lib, which references Core; Other is unrelated.</summary>
    private static TempRoot Repository()
    {
        var root = new TempRoot();
        root.Write("global.json", """{ "sdk": { "rollForward": "latestFeature" } }""");
        root.Write("Directory.Build.props", "<Project />");
        root.Write("Directory.Packages.props", "<Project />");
        root.Write("src/Directory.Build.props", "<Project />");
        root.Write(AppTests, Project("../../src/Lib/Lib.csproj", compile: "../Shared/**/*.cs"));
        root.Write("tests/App.Tests/AppSpecs.cs", "public class AppSpecs { }");
        root.Write("tests/App.Tests/bin/Debug/App.Tests.dll", "built");
        root.Write("tests/App.Tests/obj/project.assets.json", "{}");
        root.Write("tests/Shared/Helper.cs", "static class Helper { }");
        root.Write("src/Lib/Lib.csproj", Project(@"..\Core\Core.csproj"));
        root.Write("src/Lib/Lib.cs", "public static class Lib { }");
        root.Write("src/Core/Core.csproj", Project());
        root.Write("src/Core/Core.cs", "public static class Core { }");
        root.Write("src/Other/Other.csproj", Project());
        root.Write("src/Other/Other.cs", "class Other { }");
        return root;
    }

    private static string Project(string? reference = null, string? compile = null) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <ItemGroup>
            {(reference is null ? "" : $"<ProjectReference Include=\"{reference}\" />")}
            {(compile is null ? "" : $"<Compile Include=\"{compile}\" LinkBase=\"Shared\" />")}
          </ItemGroup>
        </Project>
        """;

    /// <summary>What the totals target logged, without its name column.</summary>
    private static IReadOnlyList<string> TotalsOf(RunOutcome run) =>
        [.. run.Lines.Where(l => l.StartsWith("SuiteTotals ", StringComparison.Ordinal) && l.Contains('│')).Select(l => l[(l.IndexOf('│') + 2)..])];

    private static IReadOnlyList<string> InputFilesOf(TempRoot root, ITestSuite suite) =>
        InputFiles.Match(root.Path, InputsOf(root, suite, cell: null).FileGlobs);

    private static TargetInputs InputsOf(TempRoot root, ITestSuite suite, MatrixCell? cell)
    {
        var environment = new PipelineEnvironment(root.Path, new Dictionary<string, string>(), TextWriter.Null, TextWriter.Null, 1, false);
        var target = TestPipeline.With(suite).BuildGraph(environment).Targets.Single(t => t.Name == "Test");
        return Assert.IsType<TargetInputs>(target.Inputs).For(root.Path, cell);
    }

    /// <summary>A suite with the real inputs of the suite it wraps, which counts its runs instead of running tests.</summary>
    private sealed class CountedSuite(ITestSuite real, int passed = 1, string? failed = null) : ITestSuite, ISuiteInputs
    {
        public int Runs { get; private set; }

        public string Name => real.Name;

        public Toolchain Toolchain => real.Toolchain;

        public void DeclareInputs(TargetInputs inputs, AbsolutePath root) => ((ISuiteInputs)real).DeclareInputs(inputs, root);

        public Task<TestSummary> RunAsync(TargetContext context)
        {
            Runs++;
            return Task.FromResult(failed is null ? new TestSummary(passed, 0, 0, [], []) : new TestSummary(0, 1, 0, [failed], []));
        }
    }
}
