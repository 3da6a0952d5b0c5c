// The event service: publishes events and lets users sign up and log in. Configuration comes from
// the environment: PORT (default 8080), TOKEN_KEY (signing key; a random one when unset).
package main

import (
	"crypto/rand"
	"log"
	"net/http"
	"os"
	"time"

	"example.com/event-service/internal/auth"
	"example.com/event-service/internal/events"
	"example.com/event-service/internal/health"
	"example.com/event-service/internal/router"
)

// version is set at build time: -ldflags "-X main.version=…".
var version = "dev"

func main() {
	logger := log.New(os.Stdout, "", log.LstdFlags|log.LUTC)
	key := []byte(os.Getenv("TOKEN_KEY"))
	if len(key) == 0 {
		key = make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			logger.Fatal(err)
		}
	}
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	readiness := &health.Readiness{}
	service := &router.Service{
		Events:    events.NewStore(),
		Accounts:  auth.NewAccounts(key, 12*time.Hour),
		Readiness: readiness,
		Version:   version,
		Now:       time.Now,
		Log:       logger,
	}
	server := &http.Server{Addr: ":" + port, Handler: service.Handler(), ReadHeaderTimeout: 5 * time.Second}
	readiness.MarkReady()
	logger.Printf("event-service %s listening on :%s", version, port)
	logger.Fatal(server.ListenAndServe())
}
