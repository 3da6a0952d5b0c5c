// Package integration holds the tests against real servers: PostgreSQL at DATABASE_URL
// (postgres://user:password@host:port/database) and Redis at REDIS_URL (host:port). Without those
// variables they skip; the pipeline's IntegrationTests target starts both servers and sets them.
package integration
