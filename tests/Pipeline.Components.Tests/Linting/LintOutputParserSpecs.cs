using Pipeline.Components.Linting;

namespace Pipeline.Components.Tests.Linting;

public sealed class LintOutputParserSpecs
{
    private static readonly AbsolutePath Root = new("/repo");

    [Fact]
    public void MsBuild_diagnostics_give_file_line_column_severity_rule_and_message_without_the_project()
    {
        string[] lines =
        [
            "  Determining projects to restore...",
            "/repo/src/App/Answers.cs(7,13): error CS0168: The variable 'unused' is declared but never used [/repo/src/App/App.csproj]",
            "/repo/src/App/Answers.cs(8,13,8,23): warning CA1822: Member 'Get' does not access instance data [/repo/src/App/App.csproj]",
            "Build FAILED.",
            "/repo/src/App/Answers.cs(7,13): error CS0168: The variable 'unused' is declared but never used [/repo/src/App/App.csproj]",
            "CSC : error CS2001: Source file 'x.cs' could not be found. [/repo/src/App/App.csproj]",
            "    1 Error(s)",
        ];

        var findings = MsBuildDiagnostics.Parse(lines, Root, Root);

        Assert.Equal(
            [
                new LintFinding("src/App/Answers.cs", 7, 13, LogLevel.Error, "The variable 'unused' is declared but never used", "CS0168"),
                new LintFinding("src/App/Answers.cs", 8, 13, LogLevel.Warning, "Member 'Get' does not access instance data", "CA1822"),
                new LintFinding("src/App/Answers.cs", 7, 13, LogLevel.Error, "The variable 'unused' is declared but never used", "CS0168"),
            ],
            findings);
        Assert.Equal(2, LintReport.Of("dotnet", findings).Findings.Count); // the summary's repeat is dropped
    }

    [Fact]
    public void Go_vet_lines_are_resolved_from_the_module_directory_to_the_root()
    {
        string[] lines =
        [
            "# example.com/events/cmd/events",
            "cmd/events/main.go:6:2: fmt.Printf format %d has arg \"three\" of wrong type string",
            "vet: ./store/store.go:12:9: undefined: Missing",
            "./store/store.go:20: unreachable code",
        ];

        var findings = GoVetOutput.Parse(lines, Root / "services" / "events", Root);

        Assert.Equal(
            [
                new LintFinding("services/events/cmd/events/main.go", 6, 2, LogLevel.Error, "fmt.Printf format %d has arg \"three\" of wrong type string", "vet"),
                new LintFinding("services/events/store/store.go", 12, 9, LogLevel.Error, "undefined: Missing", "vet"),
                new LintFinding("services/events/store/store.go", 20, null, LogLevel.Error, "unreachable code", "vet"),
            ],
            findings);
    }

    [Fact]
    public void Golangci_lint_lines_name_their_linter_as_the_rule()
    {
        string[] lines =
        [
            "store/store.go:14:12: Error return value of `db.Close` is not checked (errcheck)",
            "store/store.go:3:1: File is not `gofmt`-ed with `-s` (gofmt)",
            "1 issues:",
        ];

        var findings = GoVetOutput.Parse(lines, Root, Root, "golangci-lint");

        Assert.Equal(
            [
                new LintFinding("store/store.go", 14, 12, LogLevel.Error, "Error return value of `db.Close` is not checked", "errcheck"),
                new LintFinding("store/store.go", 3, 1, LogLevel.Error, "File is not `gofmt`-ed with `-s`", "gofmt"),
            ],
            findings);
    }

    [Fact]
    public void Clippy_short_lines_give_severity_and_the_compiler_code_when_there_is_one()
    {
        string[] lines =
        [
            "    Checking ticket-core v0.1.0 (/repo/crates/ticket-core)",
            "src/lib.rs:2:5: error: unneeded `return` statement",
            "src/lib.rs:9:13: error[E0425]: cannot find value `y` in this scope",
            "src/main.rs:4:9: warning: unused variable: `x`",
            "error: could not compile `ticket-core` (lib) due to 2 previous errors",
        ];

        var findings = ClippyOutput.Parse(lines, Root / "crates" / "ticket-core", Root);

        Assert.Equal(
            [
                new LintFinding("crates/ticket-core/src/lib.rs", 2, 5, LogLevel.Error, "unneeded `return` statement", null),
                new LintFinding("crates/ticket-core/src/lib.rs", 9, 13, LogLevel.Error, "cannot find value `y` in this scope", "E0425"),
                new LintFinding("crates/ticket-core/src/main.rs", 4, 9, LogLevel.Warning, "unused variable: `x`", null),
            ],
            findings);
    }

    [Fact]
    public void A_report_orders_findings_by_file_and_line_and_counts_errors()
    {
        var report = LintReport.Of("x",
        [
            new LintFinding("b.rs", 1, 1, LogLevel.Warning, "w", null),
            new LintFinding("a.rs", 9, 1, LogLevel.Error, "e", null),
            new LintFinding("a.rs", 2, 1, LogLevel.Error, "e", null),
        ]);

        Assert.Equal(["a.rs:2:1", "a.rs:9:1", "b.rs:1:1"], report.Findings.Select(f => f.Location.ToString()));
        Assert.Equal(2, report.Errors.Count());
        Assert.True(report.HasErrors);
    }
}
