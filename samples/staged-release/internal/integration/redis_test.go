//go:build integration

package integration

import (
	"errors"
	"testing"
	"time"

	"example.com/staged-release/internal/store/redis"
)

func TestRedisStoresExpiresAndDeletes(t *testing.T) {
	client := dialRedis(t)
	key := unique("release:test")
	if err := client.Ping(); err != nil {
		t.Fatal(err)
	}

	if err := client.Set(key, "hello\r\nworld", time.Minute); err != nil {
		t.Fatal(err)
	}
	if value, found, err := client.Get(key); err != nil || !found || value != "hello\r\nworld" {
		t.Fatalf("get: %q %v (%v)", value, found, err)
	}
	if ttl, err := client.Do("PTTL", key); err != nil || ttl.Int <= 0 || ttl.Int > 60000 {
		t.Fatalf("ttl: %+v (%v)", ttl, err)
	}
	if n, err := client.Del(key, key+":missing"); err != nil || n != 1 {
		t.Fatalf("del: %d (%v)", n, err)
	}
	if _, found, err := client.Get(key); err != nil || found {
		t.Fatalf("after del: %v (%v)", found, err)
	}

	if err := client.Set(key, "short", 50*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	time.Sleep(150 * time.Millisecond)
	if _, found, err := client.Get(key); err != nil || found {
		t.Fatalf("after its TTL: %v (%v)", found, err)
	}
}

func TestRedisRepliesOfEachType(t *testing.T) {
	client := dialRedis(t)
	key := unique("release:list")
	defer client.Del(key)

	if n, err := client.Do("RPUSH", key, "a", "b", "c"); err != nil || n.Int != 3 {
		t.Fatalf("rpush: %+v (%v)", n, err)
	}
	list, err := client.Do("LRANGE", key, "0", "-1")
	if err != nil || len(list.Array) != 3 || list.Array[2].Text != "c" {
		t.Fatalf("lrange: %+v (%v)", list, err)
	}
	var reply redis.Error
	if _, err := client.Do("GET", key); !errors.As(err, &reply) || string(reply)[:9] != "WRONGTYPE" {
		t.Fatalf("get of a list: %v", err)
	}
	if err := client.Ping(); err != nil {
		t.Fatalf("after the error: %v", err)
	}
}
