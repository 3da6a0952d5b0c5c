package catalog

import (
	"strings"
	"testing"
)

func env(values map[string]string) func(string) string {
	return func(name string) string { return values[name] }
}

func TestWithoutADatabaseTheCatalogueIsInMemory(t *testing.T) {
	store, where, closeStore, err := Open(env(nil))
	if err != nil || where != "in memory" {
		t.Fatalf("got %q (%v)", where, err)
	}
	defer closeStore()
	if items, _ := store.List(); len(items) != len(Items) {
		t.Fatalf("got %v", items)
	}
}

func TestACacheWithoutADatabaseIsRefused(t *testing.T) {
	_, _, _, err := Open(env(map[string]string{"REDIS_URL": "127.0.0.1:6379"}))
	if err == nil || !strings.Contains(err.Error(), "REDIS_URL is set without DATABASE_URL") {
		t.Fatalf("got %v", err)
	}
}

func TestABadDatabaseURLIsNamed(t *testing.T) {
	_, _, _, err := Open(env(map[string]string{"DATABASE_URL": "mysql://catalog"}))
	if err == nil || !strings.HasPrefix(err.Error(), "DATABASE_URL: the database URL must look like postgres://") {
		t.Fatalf("got %v", err)
	}
}
