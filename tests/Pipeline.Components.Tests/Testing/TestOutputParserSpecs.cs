using Pipeline.Components.Testing;

namespace Pipeline.Components.Tests.Testing;

public sealed class TestOutputParserSpecs
{
    [Fact]
    public void Go_json_events_are_counted_per_test_and_failures_named_with_their_package_and_output()
    {
        string[] lines =
        [
            """{"Action":"run","Package":"example/events","Test":"TestCreate"}""",
            """{"Action":"pass","Package":"example/events","Test":"TestCreate","Elapsed":0}""",
            """{"Action":"output","Package":"example/events","Test":"TestList","Output":"    list_test.go:9: want 2 events\n"}""",
            """{"Action":"fail","Package":"example/events","Test":"TestList","Elapsed":0}""",
            """{"Action":"skip","Package":"example/events","Test":"TestSlow","Elapsed":0}""",
            """{"Action":"output","Package":"example/events","Output":"FAIL\texample/events\t0.012s\n"}""",
            """{"Action":"fail","Package":"example/events","Elapsed":0.1}""",
            """{"Action":"output","Package":"example/tools","Output":"?   \texample/tools\t[no test files]\n"}""",
            """{"Action":"fail","Package":"example/store","Elapsed":0.1}""",
            "# example/broken",
            "{ printed by a test, not JSON",
        ];

        var run = GoTestOutput.Read(lines);

        Assert.Equal("1 passed, 2 failed, 1 skipped", run.Summary.ToString());
        // A package failure counts only where no test of it failed (a build error, a TestMain).
        Assert.Equal(["example/events/TestList", "example/store (package failed)"], run.Summary.FailedTests);
        Assert.Equal(["    list_test.go:9: want 2 events"], run.FailureOutput["example/events/TestList"]);
        Assert.Equal(["FAIL  example/events  0.012s", "?  example/tools  [no test files]"], run.PackageLines);
    }

    [Fact]
    public void Cargo_counts_come_from_every_test_result_line_and_failures_from_their_test_lines()
    {
        string[] lines =
        [
            "running 3 tests",
            "test tests::adds ... ok",
            "test tests::subtracts ... FAILED",
            "test tests::slow ... ignored, needs a database",
            "test result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s",
            "running 2 tests",
            "test src/lib.rs - add (line 3) ... ok",
            "test src/lib.rs - sub (line 9) ... FAILED",
            "test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.10s",
        ];

        var summary = CargoTestOutput.Parse(lines);

        Assert.Equal("2 passed, 2 failed, 1 skipped", summary.ToString());
        Assert.Equal(["tests::subtracts", "src/lib.rs - sub (line 9)"], summary.FailedTests);
    }

    [Fact]
    public void Trx_results_are_summed_over_files_with_failed_tests_named()
    {
        using var directory = new TempRoot(asPipelineRoot: false);
        static string Trx(params string[] results) =>
            $"""<?xml version="1.0" encoding="utf-8"?><TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>{string.Concat(results)}</Results></TestRun>""";
        var first = directory.Write("a.trx", Trx(
            """<UnitTestResult testName="Calc.Tests.Adds" outcome="Passed" />""",
            """<UnitTestResult testName="Calc.Tests.Subtracts" outcome="Failed" />""",
            """<UnitTestResult testName="Calc.Tests.Later" outcome="NotExecuted" />"""));
        var second = directory.Write("b.trx", Trx("""<UnitTestResult testName="Store.Tests.Saves" outcome="Passed" />"""));

        var summary = TrxReport.Read([first, second]);

        Assert.Equal("2 passed, 1 failed, 1 skipped", summary.ToString());
        Assert.Equal(["Calc.Tests.Subtracts"], summary.FailedTests);
    }

    [Fact]
    public void A_failed_trx_result_carries_its_message_for_the_run_report()
    {
        using var directory = new TempRoot(asPipelineRoot: false);
        var file = directory.Write("run.trx", """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>
              <UnitTestResult testName="Store.Loads" outcome="Failed"><Output><ErrorInfo><Message>Assert.Equal() Failure
            Expected: 3
            Actual:   4</Message><StackTrace>at Store.Loads()</StackTrace></ErrorInfo></Output></UnitTestResult>
              <UnitTestResult testName="Store.Hangs" outcome="Timeout" />
            </Results></TestRun>
            """);

        var summary = TrxReport.Read([file]);

        Assert.Equal("Assert.Equal() Failure\nExpected: 3\nActual:   4", summary.Messages["Store.Loads"]);
        Assert.False(summary.Messages.ContainsKey("Store.Hangs (Timeout)")); // it said nothing
        Assert.Equal(summary.Messages, summary.Plus(TestSummary.Empty).Messages);
    }

    [Fact]
    public void Every_trx_outcome_that_is_neither_a_pass_nor_a_skip_is_a_failure_named_with_its_outcome()
    {
        using var directory = new TempRoot(asPipelineRoot: false);
        var file = directory.Write("run.trx", """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>
              <UnitTestResult testName="Store.Saves" outcome="Passed" />
              <UnitTestResult testName="Store.Later" outcome="NotExecuted" />
              <UnitTestResult testName="Store.Unsure" outcome="Inconclusive" />
              <UnitTestResult testName="Store.Loads" outcome="Failed" />
              <UnitTestResult testName="Store.Connects" outcome="Error" />
              <UnitTestResult testName="Store.Hangs" outcome="Timeout" />
              <UnitTestResult testName="Store.Crashes" outcome="Aborted" />
              <UnitTestResult testName="Store.BadSignature" outcome="NotRunnable" />
              <UnitTestResult testName="Store.LostHost" outcome="Disconnected" />
              <UnitTestResult testName="Store.Unfinished" outcome="InProgress" />
              <UnitTestResult testName="Store.Unknown" />
            </Results></TestRun>
            """);

        var summary = TrxReport.Read([file]);

        Assert.Equal("1 passed, 8 failed, 2 skipped", summary.ToString());
        Assert.Equal(
            [
                "Store.Loads", "Store.Connects (Error)", "Store.Hangs (Timeout)", "Store.Crashes (Aborted)",
                "Store.BadSignature (NotRunnable)", "Store.LostHost (Disconnected)", "Store.Unfinished (InProgress)", "Store.Unknown (no outcome)",
            ],
            summary.FailedTests);
    }

    [Fact]
    public void Summaries_add_up_and_the_failure_message_names_the_first_ten()
    {
        var names = Enumerable.Range(1, 12).Select(i => $"T{i}").ToList();
        var total = new TestSummary(3, 2, 1, ["a", "b"], ["a.json"]).Plus(new TestSummary(1, 12, 0, names, ["b.txt"]));

        Assert.Equal("4 passed, 14 failed, 1 skipped", total.ToString());
        Assert.Equal(["a.json", "b.txt"], total.ResultFiles);
        Assert.Equal("14 tests failed: a, b, T1, T2, T3, T4, T5, T6, T7, T8 and 4 more", TestTarget.FailureMessage(total));
        Assert.Equal("1 test failed: x", TestTarget.FailureMessage(new TestSummary(0, 1, 0, ["x"], [])));
    }
}
