// The ticket service: books tickets for events. PORT (default 8080); DATABASE_URL
// (postgres://user:password@host:port/database) keeps them in PostgreSQL, else in memory.
package main

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"os"
	"strconv"
	"time"

	"example.com/tickets/pg"
)

// version is set at build time: -ldflags "-X main.version=…".
var version = "dev"

// Handler serves /health, /readyz and /tickets (POST books, GET ?event=N lists an event's tickets).
func Handler(store Store) http.Handler {
	mux := http.NewServeMux()
	ok := func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok\n")) }
	mux.HandleFunc("/health", ok)
	mux.HandleFunc("/readyz", ok)
	mux.HandleFunc("/tickets", func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodPost:
			var in struct {
				EventID int    `json:"event_id"`
				Holder  string `json:"holder"`
			}
			if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.EventID <= 0 || in.Holder == "" {
				writeJSON(w, http.StatusBadRequest, map[string]string{"error": "event_id and holder are required"})
				return
			}
			ticket, err := store.Book(in.EventID, in.Holder)
			switch {
			case errors.Is(err, ErrAlreadyBooked):
				writeJSON(w, http.StatusConflict, map[string]string{"error": err.Error()})
			case err != nil:
				writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
			default:
				writeJSON(w, http.StatusCreated, ticket)
			}
		case http.MethodGet:
			eventID, err := strconv.Atoi(r.URL.Query().Get("event"))
			if err != nil {
				writeJSON(w, http.StatusBadRequest, map[string]string{"error": "?event=<id> is required"})
				return
			}
			tickets, err := store.ForEvent(eventID)
			if err != nil {
				writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
				return
			}
			writeJSON(w, http.StatusOK, tickets)
		default:
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
	return mux
}

func writeJSON(w http.ResponseWriter, status int, body interface{}) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func main() {
	var store Store = &MemoryStore{}
	if url := os.Getenv("DATABASE_URL"); url != "" {
		db, err := pg.Connect(url)
		if err != nil {
			log.Fatal(err)
		}
		postgres := &PostgresStore{DB: db}
		if err := postgres.Migrate(); err != nil {
			log.Fatal(err)
		}
		store = postgres
	}
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	server := &http.Server{Addr: ":" + port, Handler: Handler(store), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("ticket-service %s listening on :%s", version, port)
	log.Fatal(server.ListenAndServe())
}
