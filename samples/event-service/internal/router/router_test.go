package router

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"example.com/event-service/internal/auth"
	"example.com/event-service/internal/events"
	"example.com/event-service/internal/health"
)

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	readiness := &health.Readiness{}
	readiness.MarkReady()
	s := &Service{
		Events:    events.NewStore(),
		Accounts:  auth.NewAccounts([]byte("k"), time.Hour),
		Readiness: readiness,
		Version:   "test",
		Now:       func() time.Time { return now },
	}
	server := httptest.NewServer(s.Handler())
	t.Cleanup(server.Close)
	return server
}

func call(t *testing.T, method, url, token string, body any) (*http.Response, map[string]any) {
	t.Helper()
	payload, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, url, bytes.NewReader(payload))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(res.Body).Decode(&out)
	return res, out
}

func TestSignupLoginAndAnAuthenticatedCall(t *testing.T) {
	server := newServer(t)
	creds := map[string]string{"email": "ada@example.com", "password": "correct horse"}
	if res, _ := call(t, http.MethodPost, server.URL+"/signup", "", creds); res.StatusCode != http.StatusCreated {
		t.Fatalf("signup: %d", res.StatusCode)
	}
	res, body := call(t, http.MethodPost, server.URL+"/login", "", creds)
	token, _ := body["token"].(string)
	if res.StatusCode != http.StatusOK || token == "" {
		t.Fatalf("login: %d %v", res.StatusCode, body)
	}
	res, body = call(t, http.MethodGet, server.URL+"/me", token, nil)
	if res.StatusCode != http.StatusOK || body["email"] != "ada@example.com" {
		t.Fatalf("me: %d %v", res.StatusCode, body)
	}
	event := map[string]any{"title": "Go meetup", "venue": "Hall A", "seats": 50, "startsAt": now.Add(time.Hour)}
	res, body = call(t, http.MethodPost, server.URL+"/events", token, event)
	if res.StatusCode != http.StatusCreated || body["owner"] != "ada@example.com" {
		t.Fatalf("create event: %d %v", res.StatusCode, body)
	}
}

func TestProtectedCallsNeedAToken(t *testing.T) {
	server := newServer(t)
	if res, _ := call(t, http.MethodGet, server.URL+"/me", "", nil); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("me without token: %d", res.StatusCode)
	}
	if res, _ := call(t, http.MethodGet, server.URL+"/events/42", "", nil); res.StatusCode != http.StatusNotFound {
		t.Fatalf("missing event: %d", res.StatusCode)
	}
}
