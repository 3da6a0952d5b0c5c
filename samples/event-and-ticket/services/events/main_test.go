package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestPublishedEventsAreListed(t *testing.T) {
	server := httptest.NewServer(Handler(&Catalogue{}))
	defer server.Close()

	created, err := http.Post(server.URL+"/events", "application/json", strings.NewReader(`{"title":"Go meetup","seats":40}`))
	if err != nil || created.StatusCode != http.StatusCreated {
		t.Fatalf("POST /events: %v %v", created, err)
	}
	listed, err := http.Get(server.URL + "/events")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(listed.Body)
	if !strings.Contains(string(body), `"title":"Go meetup"`) {
		t.Fatalf("GET /events = %s", body)
	}
}

func TestAnEventNeedsSeats(t *testing.T) {
	server := httptest.NewServer(Handler(&Catalogue{}))
	defer server.Close()

	answer, err := http.Post(server.URL+"/events", "application/json", strings.NewReader(`{"title":"Empty room","seats":0}`))
	if err != nil || answer.StatusCode != http.StatusBadRequest {
		t.Fatalf("POST /events without seats: %v %v", answer, err)
	}
}
