//go:build integration

package integration

import (
	"fmt"
	"os"
	"testing"
	"time"

	"example.com/staged-release/internal/store/postgres"
	"example.com/staged-release/internal/store/redis"
)

// databaseURL is PostgreSQL's address; without one the integration build fails rather than passing on nothing.
func databaseURL(t *testing.T) string {
	t.Helper()
	url := os.Getenv("DATABASE_URL")
	if url == "" {
		t.Fatal("DATABASE_URL is not set: run ./build.sh IntegrationTests, which starts PostgreSQL")
	}
	return url
}

func connect(t *testing.T) *postgres.Conn {
	t.Helper()
	conn, err := postgres.Connect(databaseURL(t))
	if err != nil {
		t.Fatalf("connecting to PostgreSQL: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

func dialRedis(t *testing.T) *redis.Client {
	t.Helper()
	address := os.Getenv("REDIS_URL")
	if address == "" {
		t.Fatal("REDIS_URL is not set: run ./build.sh IntegrationTests, which starts Redis")
	}
	client, err := redis.Dial(address)
	if err != nil {
		t.Fatalf("connecting to Redis: %v", err)
	}
	t.Cleanup(func() { client.Close() })
	return client
}

// unique names a table or key prefix for one test, so reruns against the same servers never meet old data.
func unique(name string) string { return fmt.Sprintf("%s_%d", name, time.Now().UnixNano()) }

// query runs sql and fails the test when the server refuses it.
func query(t *testing.T, conn *postgres.Conn, sql string) *postgres.Result {
	t.Helper()
	result, err := conn.Query(sql)
	if err != nil {
		t.Fatal(err)
	}
	return result
}
