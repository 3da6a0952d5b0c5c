package catalog

import (
	"errors"
	"fmt"
	"time"

	"example.com/staged-release/internal/store/postgres"
	"example.com/staged-release/internal/store/redis"
)

// Table is the catalogue's table in PostgreSQL.
const Table = "catalog_items"

// CachePrefix starts the service's keys in Redis.
const CachePrefix = "catalog:"

// CacheTTL is how long Redis keeps an answer: a title changed in the database shows within it.
const CacheTTL = 30 * time.Second

// Open picks the store from the environment: in memory without DATABASE_URL; with it, PostgreSQL
// (the table created and seeded when missing), behind a Redis cache when REDIS_URL is set too.
// It returns the store, a description for the log, and what closes its connections.
func Open(getenv func(string) string) (Store, string, func(), error) {
	databaseURL, redisURL := getenv("DATABASE_URL"), getenv("REDIS_URL")
	if databaseURL == "" {
		if redisURL != "" {
			return nil, "", nil, errors.New("REDIS_URL is set without DATABASE_URL: the cache needs a database to sit in front of")
		}
		return NewMemory(Items), "in memory", func() {}, nil
	}
	db, err := postgres.Connect(databaseURL)
	if err != nil {
		return nil, "", nil, fmt.Errorf("DATABASE_URL: %w", err)
	}
	store := NewPostgres(db, Table)
	if err := store.Migrate(Items); err != nil {
		db.Close()
		return nil, "", nil, fmt.Errorf("creating the catalogue table: %w", err)
	}
	if redisURL == "" {
		return store, "in PostgreSQL", func() { db.Close() }, nil
	}
	cache, err := redis.Dial(redisURL)
	if err != nil {
		db.Close()
		return nil, "", nil, fmt.Errorf("REDIS_URL: %w", err)
	}
	return NewCached(store, cache, CachePrefix, CacheTTL), "in PostgreSQL behind Redis", func() { cache.Close(); db.Close() }, nil
}
