package standings

import "testing"

func TestWinsDrawsAndLossesScorePointsAndOrderTheTable(t *testing.T) {
	table := NewTable()
	results := []Match{
		{Home: "Rovers", Away: "United", HomeGoals: 2, AwayGoals: 0},
		{Home: "City", Away: "Rovers", HomeGoals: 1, AwayGoals: 1},
		{Home: "United", Away: "City", HomeGoals: 3, AwayGoals: 1},
	}
	for _, m := range results {
		if err := table.Record(m); err != nil {
			t.Fatalf("record %+v: %v", m, err)
		}
	}

	rows := table.Rows()
	want := []struct {
		team   string
		points int
	}{{"Rovers", 4}, {"United", 3}, {"City", 1}}
	if len(rows) != len(want) {
		t.Fatalf("got %d rows, want %d", len(rows), len(want))
	}
	for i, w := range want {
		if rows[i].Team != w.team || rows[i].Points != w.points {
			t.Errorf("row %d: got %s with %d points, want %s with %d", i, rows[i].Team, rows[i].Points, w.team, w.points)
		}
	}
}

func TestEqualPointsAreOrderedByGoalDifferenceThenGoalsScored(t *testing.T) {
	table := NewTable()
	_ = table.Record(Match{Home: "A", Away: "B", HomeGoals: 4, AwayGoals: 3})
	_ = table.Record(Match{Home: "C", Away: "D", HomeGoals: 2, AwayGoals: 1})

	rows := table.Rows()
	if rows[0].Team != "A" || rows[1].Team != "C" {
		t.Fatalf("got %s then %s, want A (more goals) then C", rows[0].Team, rows[1].Team)
	}
}

func TestInvalidMatchesAreRefused(t *testing.T) {
	for _, m := range []Match{
		{Home: "", Away: "B"},
		{Home: "A", Away: " a "},
		{Home: "A", Away: "B", HomeGoals: -1},
	} {
		if err := NewTable().Record(m); err == nil {
			t.Errorf("%+v was accepted", m)
		}
	}
}
