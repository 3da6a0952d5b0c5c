using Pipeline.Components.Testing;

namespace Pipeline.Components.Tests.Testing;

public sealed class TestOutputParserSpecs
{
    [Fact]
    public void Go_json_events_are_counted_per_test_and_failures_named_with_their_package()
    {
        string[] lines =
        [
            """{"Action":"run","Package":"example/events","Test":"TestCreate"}""",
            """{"Action":"pass","Package":"example/events","Test":"TestCreate","Elapsed":0}""",
            """{"Action":"fail","Package":"example/events","Test":"TestList","Elapsed":0}""",
            """{"Action":"skip","Package":"example/events","Test":"TestSlow","Elapsed":0}""",
            """{"Action":"fail","Package":"example/events","Elapsed":0.1}""",
            "# example/broken",
        ];

        var summary = GoTestOutput.Parse(lines);

        Assert.Equal("1 passed, 1 failed, 1 skipped", summary.ToString());
        Assert.Equal(["example/events/TestList"], summary.FailedTests);
    }

    [Fact]
    public void Cargo_test_lines_are_counted_and_failures_named()
    {
        string[] lines =
        [
            "running 3 tests",
            "test tests::adds ... ok",
            "test tests::subtracts ... FAILED",
            "test tests::slow ... ignored",
            "test result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out",
        ];

        var summary = CargoTestOutput.Parse(lines);

        Assert.Equal("1 passed, 1 failed, 1 skipped", summary.ToString());
        Assert.Equal(["tests::subtracts"], summary.FailedTests);
    }
}
