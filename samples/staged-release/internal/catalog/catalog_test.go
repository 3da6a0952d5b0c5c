package catalog

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func get(t *testing.T, path string) (int, map[string]any) {
	t.Helper()
	recorder := httptest.NewRecorder()
	Handler("1.2.3").ServeHTTP(recorder, httptest.NewRequest(http.MethodGet, path, nil))
	var body map[string]any
	_ = json.Unmarshal(recorder.Body.Bytes(), &body)
	return recorder.Code, body
}

func TestHealthReportsTheVersion(t *testing.T) {
	status, body := get(t, "/health")
	if status != http.StatusOK || body["status"] != "ok" || body["version"] != "1.2.3" {
		t.Fatalf("got %d %v", status, body)
	}
}

func TestVersion(t *testing.T) {
	if _, body := get(t, "/version"); body["version"] != "1.2.3" {
		t.Fatalf("got %v", body)
	}
}

func TestItemsListsTheCatalogue(t *testing.T) {
	recorder := httptest.NewRecorder()
	Handler("dev").ServeHTTP(recorder, httptest.NewRequest(http.MethodGet, "/items", nil))
	var items []Item
	if err := json.Unmarshal(recorder.Body.Bytes(), &items); err != nil || len(items) != len(Items) {
		t.Fatalf("got %s (%v)", recorder.Body.String(), err)
	}
}

func TestOneItemAndAMissingOne(t *testing.T) {
	if status, body := get(t, "/items/stout"); status != http.StatusOK || body["title"] != "Oatmeal stout" {
		t.Fatalf("got %d %v", status, body)
	}
	if status, _ := get(t, "/items/cider"); status != http.StatusNotFound {
		t.Fatalf("got %d", status)
	}
}
