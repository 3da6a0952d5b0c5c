// Package catalog is the release service's HTTP API: a health check that also reports the
// version, and a small read-only catalogue the staging tests read, served from a Store.
package catalog

import (
	"encoding/json"
	"log"
	"net/http"
	"strings"
)

// Item is one catalogue entry.
type Item struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Items is the catalogue a new store starts with: all of it in memory, the seed rows in PostgreSQL.
var Items = []Item{
	{ID: "ale", Title: "Pale ale"},
	{ID: "stout", Title: "Oatmeal stout"},
}

// Handler routes /health, /version and /items[/id] to the store.
func Handler(version string, store Store) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/health", func(w http.ResponseWriter, _ *http.Request) {
		if err := store.Ping(); err != nil {
			log.Printf("health: %v", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "down", "error": "the catalogue store does not answer"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": version})
	})
	mux.HandleFunc("/version", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"version": version})
	})
	mux.HandleFunc("/items", func(w http.ResponseWriter, _ *http.Request) {
		items, err := store.List()
		if err != nil {
			unavailable(w, err)
			return
		}
		writeJSON(w, http.StatusOK, items)
	})
	mux.HandleFunc("/items/", func(w http.ResponseWriter, r *http.Request) {
		id := strings.TrimPrefix(r.URL.Path, "/items/")
		item, found, err := store.Get(id)
		switch {
		case err != nil:
			unavailable(w, err)
		case !found:
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "no item " + id})
		default:
			writeJSON(w, http.StatusOK, item)
		}
	})
	return mux
}

// unavailable logs what went wrong and tells the client only that it did: store errors name hosts and tables.
func unavailable(w http.ResponseWriter, err error) {
	log.Printf("catalogue: %v", err)
	writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": "the catalogue is unavailable"})
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}
