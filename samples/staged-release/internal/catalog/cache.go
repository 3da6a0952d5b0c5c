package catalog

import (
	"encoding/json"
	"log"
	"time"
)

// Cache is what the cached store needs of a key-value cache (a *redis.Client).
type Cache interface {
	Get(key string) (value string, found bool, err error)
	Set(key, value string, ttl time.Duration) error
	Ping() error
}

// Cached puts a cache in front of a store (cache-aside): reads try the cache, and a miss reads the
// store and fills the cache for TTL. A cache that fails is logged and bypassed: it only saves time,
// so it must not take the catalogue down with it.
type Cached struct {
	store  Store
	cache  Cache
	ttl    time.Duration
	prefix string
}

// NewCached caches store's answers under keys starting with prefix ("catalog:") for ttl.
func NewCached(store Store, cache Cache, prefix string, ttl time.Duration) *Cached {
	return &Cached{store: store, cache: cache, prefix: prefix, ttl: ttl}
}

// ListKey and ItemKey are where the answers are cached.
func (c *Cached) ListKey() string          { return c.prefix + "items" }
func (c *Cached) ItemKey(id string) string { return c.prefix + "item:" + id }

func (c *Cached) List() ([]Item, error) {
	var items []Item
	if c.cached(c.ListKey(), &items) {
		return items, nil
	}
	items, err := c.store.List()
	if err == nil {
		c.fill(c.ListKey(), items)
	}
	return items, err
}

// Get caches items found; a missing id is asked of the store each time (a new item shows at once).
func (c *Cached) Get(id string) (Item, bool, error) {
	var item Item
	if c.cached(c.ItemKey(id), &item) {
		return item, true, nil
	}
	item, found, err := c.store.Get(id)
	if err == nil && found {
		c.fill(c.ItemKey(id), item)
	}
	return item, found, err
}

// Ping checks the store only: without its cache the catalogue still answers.
func (c *Cached) Ping() error { return c.store.Ping() }

func (c *Cached) cached(key string, into any) bool {
	text, found, err := c.cache.Get(key)
	if err != nil {
		log.Printf("cache: %v (reading the store instead)", err)
		return false
	}
	if !found {
		return false
	}
	if err := json.Unmarshal([]byte(text), into); err != nil {
		log.Printf("cache: %s holds %v (reading the store instead)", key, err)
		return false
	}
	return true
}

func (c *Cached) fill(key string, value any) {
	text, _ := json.Marshal(value) // items always encode
	if err := c.cache.Set(key, string(text), c.ttl); err != nil {
		log.Printf("cache: %v (not cached)", err)
	}
}
