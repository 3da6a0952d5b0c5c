// Command server runs the release service on $PORT (default 8080). Its catalogue is in memory, or
// in PostgreSQL when DATABASE_URL is set, behind Redis when REDIS_URL is set too.
package main

import (
	"log"
	"net/http"
	"os"

	"example.com/staged-release/internal/catalog"
)

var version = "dev"

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	// The store's connections live as long as the process: nothing to close before it exits.
	store, where, _, err := catalog.Open(os.Getenv)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("release service %s listening on :%s, its catalogue %s", version, port, where)
	log.Fatal(http.ListenAndServe(":"+port, catalog.Handler(version, store)))
}
