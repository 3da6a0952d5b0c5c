//go:build integration

package integration

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"example.com/staged-release/internal/catalog"
	"example.com/staged-release/internal/store/postgres"
)

func TestTheCatalogueInPostgres(t *testing.T) {
	conn := connect(t)
	table := unique("catalog_items")
	defer conn.Query("DROP TABLE IF EXISTS " + table)
	store := catalog.NewPostgres(conn, table)

	for i := 0; i < 2; i++ { // a second migration changes nothing
		if err := store.Migrate(catalog.Items); err != nil {
			t.Fatalf("migration %d: %v", i+1, err)
		}
	}
	query(t, conn, "INSERT INTO "+table+" VALUES ('porter', "+postgres.Quote("Brewer's porter")+")")

	items, err := store.List()
	if err != nil || len(items) != 3 || items[0] != catalog.Items[0] || items[1].Title != "Brewer's porter" {
		t.Fatalf("list: %v (%v)", items, err)
	}
	if item, found, err := store.Get("stout"); err != nil || !found || item != catalog.Items[1] {
		t.Fatalf("get: %v %v (%v)", item, found, err)
	}
	if _, found, err := store.Get("x' OR '1'='1"); err != nil || found {
		t.Fatalf("an injected id: %v (%v)", found, err)
	}
}

func TestRedisInFrontOfPostgres(t *testing.T) {
	conn, cache := connect(t), dialRedis(t)
	table, prefix := unique("catalog_items"), unique("catalog")+":"
	defer conn.Query("DROP TABLE IF EXISTS " + table)
	store := catalog.NewPostgres(conn, table)
	if err := store.Migrate(catalog.Items); err != nil {
		t.Fatal(err)
	}
	cached := catalog.NewCached(store, cache, prefix, time.Minute)
	defer cache.Del(cached.ListKey(), cached.ItemKey("ale"))

	if item, found, err := cached.Get("ale"); err != nil || !found || item.Title != "Pale ale" {
		t.Fatalf("first read: %v %v (%v)", item, found, err)
	}
	if text, found, err := cache.Get(cached.ItemKey("ale")); err != nil || !found || text != `{"id":"ale","title":"Pale ale"}` {
		t.Fatalf("Redis holds %q %v (%v)", text, found, err)
	}

	// Gone from the database, still served from Redis until its entry goes.
	query(t, conn, "DELETE FROM "+table+" WHERE id = 'ale'")
	if item, found, err := cached.Get("ale"); err != nil || !found || item.Title != "Pale ale" {
		t.Fatalf("cached read: %v %v (%v)", item, found, err)
	}
	if _, err := cache.Del(cached.ItemKey("ale")); err != nil {
		t.Fatal(err)
	}
	if _, found, err := cached.Get("ale"); err != nil || found {
		t.Fatalf("after the entry went: %v (%v)", found, err)
	}
}

func TestTheServiceOpenedFromTheEnvironment(t *testing.T) {
	databaseURL(t)
	if _, err := dialRedis(t).Del(catalog.CachePrefix + "items"); err != nil { // a list an earlier run cached
		t.Fatal(err)
	}
	store, where, closeStore, err := catalog.Open(os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	defer closeStore()
	if where != "in PostgreSQL behind Redis" {
		t.Fatalf("the catalogue is %s", where)
	}

	for _, path := range []string{"/health", "/items", "/items"} { // the second list comes from Redis
		recorder := httptest.NewRecorder()
		catalog.Handler("it", store).ServeHTTP(recorder, httptest.NewRequest(http.MethodGet, path, nil))
		if recorder.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", path, recorder.Code, recorder.Body.String())
		}
		if path == "/items" {
			var items []catalog.Item
			if err := json.Unmarshal(recorder.Body.Bytes(), &items); err != nil || len(items) < len(catalog.Items) {
				t.Fatalf("items: %s (%v)", recorder.Body.String(), err)
			}
		}
	}
}
