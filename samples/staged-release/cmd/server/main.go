// Command server runs the release service on $PORT (default 8080).
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
	log.Printf("release service %s listening on :%s", version, port)
	log.Fatal(http.ListenAndServe(":"+port, catalog.Handler(version)))
}
