package health

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestReadyOnlyAfterMarkReady(t *testing.T) {
	var r Readiness
	before := httptest.NewRecorder()
	r.Ready(before, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	if before.Code != http.StatusServiceUnavailable {
		t.Fatalf("before: %d", before.Code)
	}
	r.MarkReady()
	after := httptest.NewRecorder()
	r.Ready(after, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	if after.Code != http.StatusOK {
		t.Fatalf("after: %d", after.Code)
	}
}

func TestLive(t *testing.T) {
	w := httptest.NewRecorder()
	Live(w, httptest.NewRequest(http.MethodGet, "/health", nil))
	if w.Code != http.StatusOK {
		t.Fatalf("live: %d", w.Code)
	}
}
