// The league-table service the GitOps pipeline ships. PORT (default 4000, the port the Helm chart's
// probes use) is the only setting.
package main

import (
	"log"
	"net/http"
	"os"
	"time"

	"example.com/gitops-service/internal/api"
	"example.com/gitops-service/internal/standings"
)

// version is set at build time: -ldflags "-X main.version=…".
var version = "dev"

func main() {
	logger := log.New(os.Stdout, "", log.LstdFlags|log.LUTC)
	port := os.Getenv("PORT")
	if port == "" {
		port = "4000"
	}
	service := &api.Service{Table: standings.NewTable(), Version: version, Log: logger}
	server := &http.Server{Addr: ":" + port, Handler: service.Handler(), ReadHeaderTimeout: 5 * time.Second}
	logger.Printf("gitops-service %s listening on :%s", version, port)
	logger.Fatal(server.ListenAndServe())
}
