// Package health answers liveness (/health: the process runs) and readiness (/readyz: it can
// serve traffic). Probes and smoke tests poll both.
package health

import (
	"net/http"
	"sync/atomic"
)

// Readiness flips to ready once the service has started.
type Readiness struct{ ready atomic.Bool }

// MarkReady makes /readyz answer 200.
func (r *Readiness) MarkReady() { r.ready.Store(true) }

// Live always answers 200 while the process serves HTTP.
func Live(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	_, _ = w.Write([]byte("ok\n"))
}

// Ready answers 200 when ready, 503 before.
func (r *Readiness) Ready(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	if !r.ready.Load() {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("starting\n"))
		return
	}
	_, _ = w.Write([]byte("ready\n"))
}
