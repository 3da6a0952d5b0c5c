package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func post(t *testing.T, url, body string) (int, string) {
	t.Helper()
	answer, err := http.Post(url+"/tickets", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer answer.Body.Close()
	text, _ := io.ReadAll(answer.Body)
	return answer.StatusCode, string(text)
}

func TestAHolderBooksOneTicketPerEvent(t *testing.T) {
	server := httptest.NewServer(Handler(&MemoryStore{}))
	defer server.Close()

	if status, body := post(t, server.URL, `{"event_id":1,"holder":"ada"}`); status != http.StatusCreated {
		t.Fatalf("first booking: %d %s", status, body)
	}
	if status, body := post(t, server.URL, `{"event_id":1,"holder":"ada"}`); status != http.StatusConflict {
		t.Fatalf("second booking: %d %s", status, body)
	}
	answer, err := http.Get(server.URL + "/tickets?event=1")
	if err != nil {
		t.Fatal(err)
	}
	listed, _ := io.ReadAll(answer.Body)
	if !strings.Contains(string(listed), `"holder":"ada"`) {
		t.Fatalf("GET /tickets?event=1 = %s", listed)
	}
}

func TestABookingNeedsAnEventAndAHolder(t *testing.T) {
	server := httptest.NewServer(Handler(&MemoryStore{}))
	defer server.Close()

	if status, body := post(t, server.URL, `{"holder":"ada"}`); status != http.StatusBadRequest {
		t.Fatalf("booking without an event: %d %s", status, body)
	}
}
