// Package events keeps the events the service publishes. The store is in memory: the sample is
// about the pipeline, not about persistence.
package events

import (
	"errors"
	"sort"
	"strings"
	"sync"
	"time"
)

// Event is something that happens at a time and place, with a limited number of seats.
type Event struct {
	ID       int       `json:"id"`
	Title    string    `json:"title"`
	Venue    string    `json:"venue"`
	StartsAt time.Time `json:"startsAt"`
	Seats    int       `json:"seats"`
	Owner    string    `json:"owner"`
}

// ErrInvalid is returned for an event that cannot be stored; the message says why.
var ErrInvalid = errors.New("invalid event")

// Store is safe for concurrent use.
type Store struct {
	mu     sync.RWMutex
	nextID int
	events map[int]Event
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{nextID: 1, events: map[int]Event{}}
}

// Validate reports what is wrong with an event, or nil.
func Validate(e Event, now time.Time) error {
	switch {
	case strings.TrimSpace(e.Title) == "":
		return wrap("title is required")
	case strings.TrimSpace(e.Venue) == "":
		return wrap("venue is required")
	case e.Seats <= 0:
		return wrap("seats must be positive")
	case !e.StartsAt.After(now):
		return wrap("startsAt must be in the future")
	}
	return nil
}

func wrap(reason string) error { return &invalidError{reason} }

type invalidError struct{ reason string }

func (e *invalidError) Error() string        { return "invalid event: " + e.reason }
func (e *invalidError) Is(target error) bool { return target == ErrInvalid }

// Add validates and stores an event, returning it with its new ID.
func (s *Store) Add(e Event, now time.Time) (Event, error) {
	if err := Validate(e, now); err != nil {
		return Event{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e.ID = s.nextID
	s.nextID++
	s.events[e.ID] = e
	return e, nil
}

// Get returns the event with the ID, if any.
func (s *Store) Get(id int) (Event, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	e, ok := s.events[id]
	return e, ok
}

// Upcoming lists events starting after now, soonest first.
func (s *Store) Upcoming(now time.Time) []Event {
	s.mu.RLock()
	defer s.mu.RUnlock()
	list := make([]Event, 0, len(s.events))
	for _, e := range s.events {
		if e.StartsAt.After(now) {
			list = append(list, e)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].StartsAt.Equal(list[j].StartsAt) {
			return list[i].ID < list[j].ID
		}
		return list[i].StartsAt.Before(list[j].StartsAt)
	})
	return list
}
