// Package api serves the league table over HTTP: POST /matches records a result, GET /standings
// returns the table, /health answers the liveness and readiness probes.
package api

import (
	"encoding/json"
	"log"
	"net/http"

	"example.com/gitops-service/internal/standings"
)

// Service holds what the handlers share.
type Service struct {
	Table   *standings.Table
	Version string
	Log     *log.Logger
}

// Handler routes the service's endpoints.
func (s *Service) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/health", s.health)
	mux.HandleFunc("/readyz", s.health)
	mux.HandleFunc("/matches", s.matches)
	mux.HandleFunc("/standings", s.standings)
	return mux
}

func (s *Service) health(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": s.Version})
}

func (s *Service) matches(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "POST a match"})
		return
	}
	var m standings.Match
	if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid JSON"})
		return
	}
	if err := s.Table.Record(m); err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": err.Error()})
		return
	}
	s.Log.Printf("recorded %s %d-%d %s", m.Home, m.HomeGoals, m.AwayGoals, m.Away)
	writeJSON(w, http.StatusCreated, m)
}

func (s *Service) standings(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "GET the standings"})
		return
	}
	writeJSON(w, http.StatusOK, s.Table.Rows())
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}
