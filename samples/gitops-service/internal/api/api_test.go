package api

import (
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"example.com/gitops-service/internal/standings"
)

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	service := &Service{Table: standings.NewTable(), Version: "test", Log: log.New(io.Discard, "", 0)}
	server := httptest.NewServer(service.Handler())
	t.Cleanup(server.Close)
	return server
}

func TestARecordedMatchShowsInTheStandings(t *testing.T) {
	server := newServer(t)

	created, err := http.Post(server.URL+"/matches", "application/json", strings.NewReader(`{"home":"Rovers","away":"United","homeGoals":2,"awayGoals":1}`))
	if err != nil {
		t.Fatal(err)
	}
	created.Body.Close()
	if created.StatusCode != http.StatusCreated {
		t.Fatalf("POST /matches: %d", created.StatusCode)
	}

	answer, err := http.Get(server.URL + "/standings")
	if err != nil {
		t.Fatal(err)
	}
	defer answer.Body.Close()
	var rows []standings.Row
	if err := json.NewDecoder(answer.Body).Decode(&rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Team != "Rovers" || rows[0].Points != 3 {
		t.Fatalf("standings: %+v", rows)
	}
}

func TestAnInvalidMatchIsRefusedWithTheReason(t *testing.T) {
	server := newServer(t)

	answer, err := http.Post(server.URL+"/matches", "application/json", strings.NewReader(`{"home":"Rovers","away":"Rovers"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer answer.Body.Close()
	body, _ := io.ReadAll(answer.Body)
	if answer.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(body), "cannot play itself") {
		t.Fatalf("got %d %s", answer.StatusCode, body)
	}
}

func TestHealthAnswersWithTheVersion(t *testing.T) {
	server := newServer(t)

	answer, err := http.Get(server.URL + "/health")
	if err != nil {
		t.Fatal(err)
	}
	defer answer.Body.Close()
	body, _ := io.ReadAll(answer.Body)
	if answer.StatusCode != http.StatusOK || !strings.Contains(string(body), `"version":"test"`) {
		t.Fatalf("got %d %s", answer.StatusCode, body)
	}
}
