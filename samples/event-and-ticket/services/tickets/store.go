package main

import (
	"errors"
	"strconv"
	"sync"

	"example.com/tickets/pg"
)

// Ticket is one seat booked for one holder at one event.
type Ticket struct {
	ID      int    `json:"id"`
	EventID int    `json:"event_id"`
	Holder  string `json:"holder"`
}

// ErrAlreadyBooked: a holder gets one ticket per event.
var ErrAlreadyBooked = errors.New("this holder already has a ticket for this event")

// Store keeps tickets: in memory without a database, in PostgreSQL with DATABASE_URL.
type Store interface {
	Book(eventID int, holder string) (Ticket, error)
	ForEvent(eventID int) ([]Ticket, error)
}

// MemoryStore is the store of a service started without DATABASE_URL.
type MemoryStore struct {
	mu      sync.Mutex
	tickets []Ticket
}

func (s *MemoryStore) Book(eventID int, holder string) (Ticket, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, t := range s.tickets {
		if t.EventID == eventID && t.Holder == holder {
			return Ticket{}, ErrAlreadyBooked
		}
	}
	t := Ticket{ID: len(s.tickets) + 1, EventID: eventID, Holder: holder}
	s.tickets = append(s.tickets, t)
	return t, nil
}

func (s *MemoryStore) ForEvent(eventID int) ([]Ticket, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	found := []Ticket{}
	for _, t := range s.tickets {
		if t.EventID == eventID {
			found = append(found, t)
		}
	}
	return found, nil
}

// PostgresStore keeps tickets in the table tickets, which Migrate creates when missing.
type PostgresStore struct{ DB *pg.Conn }

// Migrate creates the schema; running it again changes nothing.
func (s *PostgresStore) Migrate() error {
	_, err := s.DB.Query(`CREATE TABLE IF NOT EXISTS tickets (
		id serial PRIMARY KEY,
		event_id integer NOT NULL,
		holder text NOT NULL,
		UNIQUE (event_id, holder))`)
	return err
}

func (s *PostgresStore) Book(eventID int, holder string) (Ticket, error) {
	rows, err := s.DB.Query("INSERT INTO tickets (event_id, holder) VALUES (" + strconv.Itoa(eventID) + ", " + pg.Quote(holder) + ") RETURNING id")
	if errors.Is(err, pg.ErrUniqueViolation) {
		return Ticket{}, ErrAlreadyBooked
	}
	if err != nil {
		return Ticket{}, err
	}
	id, err := strconv.Atoi(*rows[0][0])
	return Ticket{ID: id, EventID: eventID, Holder: holder}, err
}

func (s *PostgresStore) ForEvent(eventID int) ([]Ticket, error) {
	rows, err := s.DB.Query("SELECT id, holder FROM tickets WHERE event_id = " + strconv.Itoa(eventID) + " ORDER BY id")
	if err != nil {
		return nil, err
	}
	found := []Ticket{}
	for _, row := range rows {
		id, err := strconv.Atoi(*row[0])
		if err != nil {
			return nil, err
		}
		found = append(found, Ticket{ID: id, EventID: eventID, Holder: *row[1]})
	}
	return found, nil
}
