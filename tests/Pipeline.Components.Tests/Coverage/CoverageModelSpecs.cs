using Pipeline.Components.Coverage;

namespace Pipeline.Components.Tests.Coverage;

public sealed class CoverageModelSpecs
{
    [Fact]
    public void A_go_profile_becomes_line_hits_without_brace_only_lines_and_repeated_blocks_merge()
    {
        string[] source =
        [
            "package calc",
            "",
            "func Sign(a int) int {",
            "\tif a < 0 {",
            "\t\treturn -1",
            "\t}",
            "\treturn 1",
            "}",
        ];
        string[] profile =
        [
            "mode: set",
            "example.com/calc/calc/sign.go:3.22,4.11 1 1",
            "example.com/calc/calc/sign.go:7.2,7.10 1 0",
            "example.com/calc/calc/sign.go:4.11,6.3 1 0",
            // -coverpkg: a second test binary reports the same block, and it ran there.
            "example.com/calc/calc/sign.go:4.11,6.3 1 1",
        ];

        var files = GoCoverProfile.Parse(profile, "example.com/calc", path => path == "calc/sign.go" ? source : null);

        var file = Assert.Single(files);
        Assert.Equal(("example.com/calc/calc", "calc/sign.go"), (file.Package, file.Path));
        Assert.Equal(new Dictionary<int, long> { [4] = 1, [5] = 1, [7] = 0 }, file.Hits);
    }

    [Fact]
    public void Cobertura_written_from_go_hits_reads_back_per_package()
    {
        using var directory = new TempRoot(asPipelineRoot: false);
        var file = directory.Path / "coverage.cobertura.xml";
        CoberturaReport.Write(file, directory.Path,
        [
            new CoveredFile("m/a", "a/a.go", new Dictionary<int, long> { [3] = 1, [4] = 0, [5] = 2 }),
            new CoveredFile("m/b", "b/b.go", new Dictionary<int, long> { [1] = 0 }),
        ],
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

        var coverage = CoberturaReport.Read(file);

        Assert.Equal([new PackageCoverage("m/a", 2, 3), new PackageCoverage("m/b", 0, 1)], coverage.Packages);
        Assert.Equal("50%", coverage.LineRate.ToString());
        Assert.Contains("timestamp=\"1767323045\"", File.ReadAllText(file), StringComparison.Ordinal); // the given time, not the wall clock
    }

    [Theory]
    [InlineData(42.857, "42.8%")]
    [InlineData(49.96, "49.9%")]
    [InlineData(50, "50%")]
    [InlineData(0, "0%")]
    [InlineData(100, "100%")]
    public void A_percentage_shows_one_decimal_cut_never_rounded_up(double value, string shown) =>
        Assert.Equal(shown, new Percentage(value).ToString());

    [Fact]
    public void A_percentage_is_between_0_and_100_and_compares_by_value()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Percentage(100.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Percentage(-1));
        Assert.True(Percentage.Of(3, 7) < new Percentage(50));
        Assert.True(Percentage.Of(1, 2) >= new Percentage(50));
    }
}
