package main

import (
	"errors"
	"os"
	"testing"

	"example.com/tickets/pg"
)

// The PostgreSQL store against a real server: DATABASE_URL comes from the pipeline's service container.
func TestPostgresStoreKeepsOneTicketPerHolderAndEvent(t *testing.T) {
	url := os.Getenv("DATABASE_URL")
	if url == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("DATABASE_URL is not set: the Test target starts PostgreSQL and sets it")
		}
		t.Skip("DATABASE_URL is not set (run ./build.sh Test: it starts PostgreSQL)")
	}
	db, err := pg.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	store := &PostgresStore{DB: db}
	for i := 0; i < 2; i++ { // the schema push is idempotent
		if err := store.Migrate(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Query("TRUNCATE tickets"); err != nil {
		t.Fatal(err)
	}

	first, err := store.Book(7, "O'Brien")
	if err != nil || first.ID == 0 {
		t.Fatalf("Book = %v, %v", first, err)
	}
	if _, err := store.Book(7, "O'Brien"); !errors.Is(err, ErrAlreadyBooked) {
		t.Fatalf("second Book: %v, want ErrAlreadyBooked", err)
	}
	tickets, err := store.ForEvent(7)
	if err != nil || len(tickets) != 1 || tickets[0].Holder != "O'Brien" {
		t.Fatalf("ForEvent(7) = %v, %v", tickets, err)
	}
}
