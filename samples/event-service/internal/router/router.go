// Package router maps the HTTP API onto the events store and the accounts.
package router

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"strconv"
	"strings"
	"time"

	"example.com/event-service/internal/auth"
	"example.com/event-service/internal/events"
	"example.com/event-service/internal/health"
)

// Service is everything a handler needs; Now is replaceable so tests control the clock.
type Service struct {
	Events    *events.Store
	Accounts  *auth.Accounts
	Readiness *health.Readiness
	Version   string
	Now       func() time.Time
	Log       *log.Logger
}

// Handler returns the service's routes.
func (s *Service) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/health", health.Live)
	mux.HandleFunc("/readyz", s.Readiness.Ready)
	mux.HandleFunc("/version", s.version)
	mux.HandleFunc("/signup", s.signUp)
	mux.HandleFunc("/login", s.logIn)
	mux.HandleFunc("/me", s.me)
	mux.HandleFunc("/events", s.events)
	mux.HandleFunc("/events/", s.event)
	return s.logged(mux)
}

type credentials struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func (s *Service) version(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"version": s.Version})
}

func (s *Service) signUp(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if !decode(w, r, http.MethodPost, &c) {
		return
	}
	switch err := s.Accounts.SignUp(c.Email, c.Password); {
	case errors.Is(err, auth.ErrTaken):
		writeError(w, http.StatusConflict, err)
	case errors.Is(err, auth.ErrWeak):
		writeError(w, http.StatusBadRequest, err)
	case err != nil:
		writeError(w, http.StatusInternalServerError, err)
	default:
		writeJSON(w, http.StatusCreated, map[string]string{"email": strings.ToLower(c.Email)})
	}
}

func (s *Service) logIn(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if !decode(w, r, http.MethodPost, &c) {
		return
	}
	token, err := s.Accounts.LogIn(c.Email, c.Password, s.Now())
	if err != nil {
		writeError(w, http.StatusUnauthorized, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"token": token})
}

func (s *Service) me(w http.ResponseWriter, r *http.Request) {
	if email, ok := s.user(w, r); ok {
		writeJSON(w, http.StatusOK, map[string]string{"email": email})
	}
}

func (s *Service) events(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet {
		writeJSON(w, http.StatusOK, s.Events.Upcoming(s.Now()))
		return
	}
	email, ok := s.user(w, r)
	if !ok {
		return
	}
	var e events.Event
	if !decode(w, r, http.MethodPost, &e) {
		return
	}
	e.Owner = email
	created, err := s.Events.Add(e, s.Now())
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	writeJSON(w, http.StatusCreated, created)
}

func (s *Service) event(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/events/"))
	if err != nil {
		writeError(w, http.StatusNotFound, errors.New("no such event"))
		return
	}
	e, found := s.Events.Get(id)
	if !found {
		writeError(w, http.StatusNotFound, errors.New("no such event"))
		return
	}
	writeJSON(w, http.StatusOK, e)
}

// user returns the email of the bearer token's owner, or answers 401.
func (s *Service) user(w http.ResponseWriter, r *http.Request) (string, bool) {
	token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	email, err := s.Accounts.Verify(token, s.Now())
	if err != nil {
		writeError(w, http.StatusUnauthorized, err)
		return "", false
	}
	return email, true
}

func (s *Service) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		recorder := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(recorder, r)
		if s.Log != nil {
			s.Log.Printf("%s %s %d", r.Method, r.URL.Path, recorder.status)
		}
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func decode(w http.ResponseWriter, r *http.Request, method string, into any) bool {
	if r.Method != method {
		writeError(w, http.StatusMethodNotAllowed, errors.New("use "+method))
		return false
	}
	if err := json.NewDecoder(r.Body).Decode(into); err != nil {
		writeError(w, http.StatusBadRequest, errors.New("invalid JSON body"))
		return false
	}
	return true
}

func writeError(w http.ResponseWriter, status int, err error) {
	writeJSON(w, status, map[string]string{"error": err.Error()})
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}
