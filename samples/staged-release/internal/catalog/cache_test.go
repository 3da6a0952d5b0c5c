package catalog

import (
	"bytes"
	"errors"
	"log"
	"os"
	"strings"
	"testing"
	"time"
)

// counting is a store that counts how often it is read.
type counting struct {
	Memory
	lists, gets int
}

func (c *counting) List() ([]Item, error) { c.lists++; return c.Memory.List() }

func (c *counting) Get(id string) (Item, bool, error) { c.gets++; return c.Memory.Get(id) }

// mapCache is a cache in a map; err makes every call fail.
type mapCache struct {
	values map[string]string
	ttls   map[string]time.Duration
	err    error
}

func newMapCache() *mapCache {
	return &mapCache{values: map[string]string{}, ttls: map[string]time.Duration{}}
}

func (m *mapCache) Get(key string) (string, bool, error) {
	value, found := m.values[key]
	return value, found, m.err
}

func (m *mapCache) Set(key, value string, ttl time.Duration) error {
	if m.err == nil {
		m.values[key], m.ttls[key] = value, ttl
	}
	return m.err
}

func (m *mapCache) Ping() error { return m.err }

func cachedOver(cache Cache) (*Cached, *counting) {
	store := &counting{Memory: *NewMemory(Items)}
	return NewCached(store, cache, "test:", time.Minute), store
}

func TestTheSecondReadComesFromTheCache(t *testing.T) {
	cache := newMapCache()
	cached, store := cachedOver(cache)

	for i := 0; i < 2; i++ {
		if items, err := cached.List(); err != nil || len(items) != 2 {
			t.Fatalf("list %d: %v (%v)", i, items, err)
		}
		if item, found, err := cached.Get("ale"); err != nil || !found || item.Title != "Pale ale" {
			t.Fatalf("get %d: %v %v (%v)", i, item, found, err)
		}
	}

	if store.lists != 1 || store.gets != 1 {
		t.Fatalf("the store was read %d and %d times", store.lists, store.gets)
	}
	if cache.values["test:item:ale"] != `{"id":"ale","title":"Pale ale"}` || cache.ttls["test:items"] != time.Minute {
		t.Fatalf("cached %v %v", cache.values, cache.ttls)
	}
}

func TestAMissingItemIsNotCached(t *testing.T) {
	cache := newMapCache()
	cached, store := cachedOver(cache)
	for i := 0; i < 2; i++ {
		if _, found, err := cached.Get("cider"); found || err != nil {
			t.Fatalf("got %v (%v)", found, err)
		}
	}
	if store.gets != 2 || len(cache.values) != 0 {
		t.Fatalf("gets %d, cached %v", store.gets, cache.values)
	}
}

func TestAFailingCacheIsBypassedAndLogged(t *testing.T) {
	logged := captureLog(t)
	cache := newMapCache()
	cache.err = errors.New("redis: connection reset")
	cached, store := cachedOver(cache)

	if items, err := cached.List(); err != nil || len(items) != 2 {
		t.Fatalf("list: %v (%v)", items, err)
	}
	if _, found, err := cached.Get("stout"); !found || err != nil {
		t.Fatalf("get: %v (%v)", found, err)
	}
	if store.lists != 1 || store.gets != 1 || !strings.Contains(logged.String(), "redis: connection reset (reading the store instead)") ||
		!strings.Contains(logged.String(), "(not cached)") {
		t.Fatalf("lists %d, gets %d, log %q", store.lists, store.gets, logged.String())
	}
	if err := cached.Ping(); err != nil {
		t.Fatalf("a failing cache fails the health check: %v", err)
	}
}

func TestACorruptEntryIsReadFromTheStore(t *testing.T) {
	logged := captureLog(t)
	cache := newMapCache()
	cached, store := cachedOver(cache)
	cache.values[cached.ItemKey("ale")] = "not json"

	if item, found, err := cached.Get("ale"); !found || err != nil || item.Title != "Pale ale" {
		t.Fatalf("got %v %v (%v)", item, found, err)
	}
	if store.gets != 1 || !strings.Contains(logged.String(), "test:item:ale holds") {
		t.Fatalf("gets %d, log %q", store.gets, logged.String())
	}
}

func TestStoreErrorsAreNotCached(t *testing.T) {
	cache := newMapCache()
	cached := NewCached(broken{}, cache, "test:", time.Minute)
	if _, err := cached.List(); err != errGone {
		t.Fatalf("list: %v", err)
	}
	if _, _, err := cached.Get("ale"); err != errGone {
		t.Fatalf("get: %v", err)
	}
	if err := cached.Ping(); err != errGone {
		t.Fatalf("ping: %v", err)
	}
	if len(cache.values) != 0 {
		t.Fatalf("cached %v", cache.values)
	}
}

func captureLog(t *testing.T) *bytes.Buffer {
	t.Helper()
	var buffer bytes.Buffer
	log.SetOutput(&buffer)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	return &buffer
}
