using Pipeline.Components.Coverage;

namespace Pipeline.Components.Tests.Coverage;

public sealed class GoCoverageReportSpecs
{
    [Fact]
    public void The_total_line_gives_the_coverage_and_a_low_one_fails_with_both_numbers()
    {
        string[] lines =
        [
            "example/events/store.go:12:\tAdd\t\t100.0%",
            "example/events/store.go:20:\tList\t\t0.0%",
            "total:\t\t\t\t(statements)\t12.5%",
        ];

        var total = GoCoverageReport.ParseTotal(lines);

        Assert.Equal(12.5, total);
        Assert.Equal("coverage 12.5% is below the threshold of 15%", GoCoverageReport.CheckThreshold(12.5, 15));
        Assert.Null(GoCoverageReport.CheckThreshold(12.5, 10));
    }
}
