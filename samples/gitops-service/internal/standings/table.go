// Package standings keeps a league table from match results: three points for a win, one for a
// draw, ordered by points, then goal difference, then goals scored, then name.
package standings

import (
	"errors"
	"sort"
	"strings"
	"sync"
)

// Match is one result.
type Match struct {
	Home      string `json:"home"`
	Away      string `json:"away"`
	HomeGoals int    `json:"homeGoals"`
	AwayGoals int    `json:"awayGoals"`
}

// Row is one team's line in the table.
type Row struct {
	Team         string `json:"team"`
	Played       int    `json:"played"`
	Won          int    `json:"won"`
	Drawn        int    `json:"drawn"`
	Lost         int    `json:"lost"`
	GoalsFor     int    `json:"goalsFor"`
	GoalsAgainst int    `json:"goalsAgainst"`
	Points       int    `json:"points"`
}

// GoalDifference is goals for minus goals against.
func (r Row) GoalDifference() int { return r.GoalsFor - r.GoalsAgainst }

// Table is safe for concurrent use.
type Table struct {
	mu   sync.Mutex
	rows map[string]*Row
}

// NewTable returns an empty table.
func NewTable() *Table { return &Table{rows: map[string]*Row{}} }

// Validate says what is wrong with a match, if anything.
func Validate(m Match) error {
	switch {
	case strings.TrimSpace(m.Home) == "" || strings.TrimSpace(m.Away) == "":
		return errors.New("both teams are required")
	case strings.EqualFold(strings.TrimSpace(m.Home), strings.TrimSpace(m.Away)):
		return errors.New("a team cannot play itself")
	case m.HomeGoals < 0 || m.AwayGoals < 0:
		return errors.New("goals cannot be negative")
	}
	return nil
}

// Record adds a result to the table.
func (t *Table) Record(m Match) error {
	if err := Validate(m); err != nil {
		return err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	home, away := t.row(strings.TrimSpace(m.Home)), t.row(strings.TrimSpace(m.Away))
	home.add(m.HomeGoals, m.AwayGoals)
	away.add(m.AwayGoals, m.HomeGoals)
	return nil
}

// Rows returns the table in order, as copies.
func (t *Table) Rows() []Row {
	t.mu.Lock()
	defer t.mu.Unlock()
	rows := make([]Row, 0, len(t.rows))
	for _, r := range t.rows {
		rows = append(rows, *r)
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Points != b.Points {
			return a.Points > b.Points
		}
		if a.GoalDifference() != b.GoalDifference() {
			return a.GoalDifference() > b.GoalDifference()
		}
		if a.GoalsFor != b.GoalsFor {
			return a.GoalsFor > b.GoalsFor
		}
		return a.Team < b.Team
	})
	return rows
}

func (t *Table) row(team string) *Row {
	r, ok := t.rows[team]
	if !ok {
		r = &Row{Team: team}
		t.rows[team] = r
	}
	return r
}

func (r *Row) add(scored, conceded int) {
	r.Played++
	r.GoalsFor += scored
	r.GoalsAgainst += conceded
	switch {
	case scored > conceded:
		r.Won++
		r.Points += 3
	case scored == conceded:
		r.Drawn++
		r.Points++
	default:
		r.Lost++
	}
}
