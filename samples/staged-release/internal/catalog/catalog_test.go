package catalog

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func get(t *testing.T, store Store, path string) (int, map[string]any) {
	t.Helper()
	recorder := httptest.NewRecorder()
	Handler("1.2.3", store).ServeHTTP(recorder, httptest.NewRequest(http.MethodGet, path, nil))
	var body map[string]any
	_ = json.Unmarshal(recorder.Body.Bytes(), &body)
	return recorder.Code, body
}

func TestHealthReportsTheVersion(t *testing.T) {
	status, body := get(t, NewMemory(Items), "/health")
	if status != http.StatusOK || body["status"] != "ok" || body["version"] != "1.2.3" {
		t.Fatalf("got %d %v", status, body)
	}
}

func TestVersion(t *testing.T) {
	if _, body := get(t, NewMemory(Items), "/version"); body["version"] != "1.2.3" {
		t.Fatalf("got %v", body)
	}
}

func TestItemsListsTheCatalogue(t *testing.T) {
	recorder := httptest.NewRecorder()
	Handler("dev", NewMemory(Items)).ServeHTTP(recorder, httptest.NewRequest(http.MethodGet, "/items", nil))
	var items []Item
	if err := json.Unmarshal(recorder.Body.Bytes(), &items); err != nil || len(items) != len(Items) || items[1] != Items[1] {
		t.Fatalf("got %s (%v)", recorder.Body.String(), err)
	}
}

func TestOneItemAndAMissingOne(t *testing.T) {
	if status, body := get(t, NewMemory(Items), "/items/stout"); status != http.StatusOK || body["title"] != "Oatmeal stout" {
		t.Fatalf("got %d %v", status, body)
	}
	if status, body := get(t, NewMemory(Items), "/items/cider"); status != http.StatusNotFound || body["error"] != "no item cider" {
		t.Fatalf("got %d %v", status, body)
	}
}

// broken is a store whose every call fails, as a database that went away.
type broken struct{}

var errGone = errors.New("dial tcp 10.0.0.7:5432: connection refused")

func (broken) List() ([]Item, error)          { return nil, errGone }
func (broken) Get(string) (Item, bool, error) { return Item{}, false, errGone }
func (broken) Ping() error                    { return errGone }

func TestAStoreThatFailsIsUnavailableWithoutNamingItsAddress(t *testing.T) {
	for _, path := range []string{"/health", "/items", "/items/ale"} {
		status, body := get(t, broken{}, path)
		if status != http.StatusServiceUnavailable || body["error"] == nil {
			t.Fatalf("%s: got %d %v", path, status, body)
		}
		if text, _ := json.Marshal(body); strings.Contains(string(text), "10.0.0.7") {
			t.Fatalf("%s: the answer names the store's address: %s", path, text)
		}
	}
	if _, body := get(t, broken{}, "/health"); body["status"] != "down" {
		t.Fatalf("health: got %v", body)
	}
}
