package events

import (
	"errors"
	"testing"
	"time"
)

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func event(title string, in time.Duration) Event {
	return Event{Title: title, Venue: "Hall A", StartsAt: now.Add(in), Seats: 100}
}

func TestAddAssignsIncreasingIDs(t *testing.T) {
	s := NewStore()
	first, err := s.Add(event("Go meetup", time.Hour), now)
	if err != nil {
		t.Fatal(err)
	}
	second, _ := s.Add(event("Rust meetup", time.Hour), now)
	if first.ID != 1 || second.ID != 2 {
		t.Fatalf("ids = %d, %d; want 1, 2", first.ID, second.ID)
	}
	if got, ok := s.Get(2); !ok || got.Title != "Rust meetup" {
		t.Fatalf("Get(2) = %+v, %v", got, ok)
	}
}

func TestValidateRejectsIncompleteEvents(t *testing.T) {
	cases := map[string]Event{
		"title":    {Venue: "v", Seats: 1, StartsAt: now.Add(time.Hour)},
		"venue":    {Title: "t", Seats: 1, StartsAt: now.Add(time.Hour)},
		"seats":    {Title: "t", Venue: "v", StartsAt: now.Add(time.Hour)},
		"startsAt": {Title: "t", Venue: "v", Seats: 1, StartsAt: now.Add(-time.Hour)},
	}
	for field, e := range cases {
		err := Validate(e, now)
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: err = %v; want ErrInvalid", field, err)
		}
	}
}

func TestUpcomingIsSortedAndSkipsPastEvents(t *testing.T) {
	s := NewStore()
	_, _ = s.Add(event("later", 2*time.Hour), now)
	_, _ = s.Add(event("sooner", time.Hour), now)
	list := s.Upcoming(now.Add(90 * time.Minute))
	if len(list) != 1 || list[0].Title != "later" {
		t.Fatalf("Upcoming = %+v; want only 'later'", list)
	}
	all := s.Upcoming(now)
	if len(all) != 2 || all[0].Title != "sooner" {
		t.Fatalf("Upcoming = %+v; want sooner first", all)
	}
}
