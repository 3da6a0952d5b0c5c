// Package catalog is the release service's HTTP API: a health check that also reports the
// version, and a small read-only catalogue the staging tests read.
package catalog

import (
	"encoding/json"
	"net/http"
	"strings"
)

// Item is one catalogue entry.
type Item struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Items is the catalogue the service serves.
var Items = []Item{
	{ID: "ale", Title: "Pale ale"},
	{ID: "stout", Title: "Oatmeal stout"},
}

// Handler routes /health, /version and /items[/id].
func Handler(version string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/health", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": version})
	})
	mux.HandleFunc("/version", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"version": version})
	})
	mux.HandleFunc("/items", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, Items)
	})
	mux.HandleFunc("/items/", func(w http.ResponseWriter, r *http.Request) {
		id := strings.TrimPrefix(r.URL.Path, "/items/")
		for _, item := range Items {
			if item.ID == id {
				writeJSON(w, http.StatusOK, item)
				return
			}
		}
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no item " + id})
	})
	return mux
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}
