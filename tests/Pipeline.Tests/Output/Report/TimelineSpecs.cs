using Pipeline.Execution;
using Pipeline.Output.Report;

namespace Pipeline.Tests.Output.Report;

public sealed class TimelineSpecs
{
    private static TimedTarget Ran(string name, double start, double seconds, params string[] follows) =>
        new(name, TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(seconds), follows);

    private static TimedTarget NotRun(string name, params string[] follows) => new(name, null, TimeSpan.Zero, follows);

    [Fact]
    public void The_critical_path_is_the_longest_chain_by_measured_duration()
    {
        // Restore → (Compile 5 s ‖ Lint 2 s) → Test 3 s: Compile, not Lint, decides when Test starts.
        var timeline = Timeline.Of(
        [
            Ran("Restore", 0, 1),
            Ran("Compile", 1, 5, "Restore"),
            Ran("Lint", 1, 2, "Restore"),
            Ran("Test", 6, 3, "Compile", "Lint"),
        ]);

        Assert.Equal(["Restore", "Compile", "Test"], timeline.CriticalPath);
        Assert.False(timeline.Bars.Single(b => b.Name == "Lint").Critical);
        Assert.True(timeline.Bars.Single(b => b.Name == "Compile").Critical);
    }

    [Fact]
    public void A_long_target_alone_outweighs_a_chain_of_short_ones()
    {
        var timeline = Timeline.Of(
        [
            Ran("A", 0, 1),
            Ran("B", 1, 1, "A"),
            Ran("C", 2, 1, "B"),
            Ran("Slow", 0, 10),
        ]);

        Assert.Equal(["Slow"], timeline.CriticalPath);
    }

    [Fact]
    public void A_target_that_did_not_run_passes_the_path_through_without_a_bar()
    {
        // Format was up to date from another job (--skip): Test still waited for Compile through it.
        var timeline = Timeline.Of(
        [
            Ran("Compile", 0, 4),
            Ran("Quick", 0, 1),
            NotRun("Format", "Compile"),
            Ran("Test", 4, 2, "Format", "Quick"),
        ]);

        Assert.Equal(["Compile", "Test"], timeline.CriticalPath);
        Assert.DoesNotContain(timeline.Bars, b => b.Name == "Format");
    }

    [Fact]
    public void Bars_keep_their_measured_times_and_the_span_is_the_last_end()
    {
        var timeline = Timeline.Of([Ran("A", 0, 2), Ran("B", 0.5, 3), Ran("C", 3.5, 1, "A", "B")]);

        var a = timeline.Bars.Single(b => b.Name == "A");
        var b = timeline.Bars.Single(b => b.Name == "B");
        Assert.True(a.Start < b.End && b.Start < a.End); // side by side
        Assert.Equal(TimeSpan.FromSeconds(4.5), timeline.Span);
        Assert.Equal(0.5 / 4.5, timeline.Fraction(b.Start), 6);
    }

    [Fact]
    public void A_run_where_nothing_ran_has_no_bars_and_no_path()
    {
        var timeline = Timeline.Of([NotRun("A"), NotRun("B", "A")]);

        Assert.Empty(timeline.Bars);
        Assert.Empty(timeline.CriticalPath);
        Assert.Equal(0, timeline.Fraction(TimeSpan.Zero));
    }

    [Fact]
    public void A_matrix_target_draws_one_bar_per_cell_where_that_cell_ran()
    {
        // Two cells, one slot: the second waited for the first, and its bar starts where it really ran.
        var test = Ran("Test", 2, 7, "Compile") with
        {
            Cells =
            [
                new CellTiming("service=auth", TargetStatus.Succeeded, TimeSpan.Zero, TimeSpan.FromSeconds(3)),
                new CellTiming("service=users", TargetStatus.Failed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4)),
            ],
        };

        var timeline = Timeline.Of([Ran("Compile", 0, 2), test]);

        var cells = timeline.Bars.Where(b => b.Name == "Test").ToList();
        Assert.Equal(["service=auth", "service=users"], cells.Select(b => b.Cell));
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)], cells.Select(b => b.Start));
        Assert.Equal(TimeSpan.FromSeconds(9), timeline.Span);
        Assert.All(cells, b => Assert.True(b.Critical));
        Assert.Equal(["Compile", "Test"], timeline.CriticalPath);
    }

    [Fact]
    public void Time_the_critical_path_spent_waiting_for_a_slot_is_counted_apart()
    {
        // Test could start at 4 s, when Compile ended, but only got a slot at 6 s.
        var timeline = Timeline.Of([Ran("Compile", 0, 4), Ran("Other", 0, 6), Ran("Test", 6, 5, "Compile")]);

        Assert.Equal(["Compile", "Test"], timeline.CriticalPath);
        Assert.Equal(TimeSpan.FromSeconds(2), timeline.Waiting);
    }
}
