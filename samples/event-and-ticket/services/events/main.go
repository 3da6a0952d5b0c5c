// The event service: lists and publishes events, kept in memory. PORT (default 8080).
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
	"sync"
	"time"
)

// version is set at build time: -ldflags "-X main.version=…".
var version = "dev"

// Event is one published event.
type Event struct {
	ID    int    `json:"id"`
	Title string `json:"title"`
	Seats int    `json:"seats"`
}

// Catalogue holds the events; safe for concurrent requests.
type Catalogue struct {
	mu     sync.Mutex
	events []Event
}

// Publish adds an event and returns it with its id.
func (c *Catalogue) Publish(title string, seats int) Event {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := Event{ID: len(c.events) + 1, Title: title, Seats: seats}
	c.events = append(c.events, e)
	return e
}

// All returns a copy of the events, oldest first.
func (c *Catalogue) All() []Event {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Event{}, c.events...)
}

// Handler serves /health, /readyz and /events (GET lists, POST publishes).
func Handler(c *Catalogue) http.Handler {
	mux := http.NewServeMux()
	ok := func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok\n")) }
	mux.HandleFunc("/health", ok)
	mux.HandleFunc("/readyz", ok)
	mux.HandleFunc("/events", func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet:
			writeJSON(w, http.StatusOK, c.All())
		case http.MethodPost:
			var in struct {
				Title string `json:"title"`
				Seats int    `json:"seats"`
			}
			if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Title == "" || in.Seats <= 0 {
				writeJSON(w, http.StatusBadRequest, map[string]string{"error": "title and a positive number of seats are required"})
				return
			}
			writeJSON(w, http.StatusCreated, c.Publish(in.Title, in.Seats))
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
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	server := &http.Server{Addr: ":" + port, Handler: Handler(&Catalogue{}), ReadHeaderTimeout: 5 * time.Second}
	log.Printf("event-service %s listening on :%s", version, port)
	log.Fatal(server.ListenAndServe())
}
