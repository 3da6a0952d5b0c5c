//go:build integration

package integration

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"example.com/staged-release/internal/store/postgres"
)

func TestPostgresLetsUsInWithScram(t *testing.T) {
	conn := connect(t)
	// PostgreSQL 14 and later hash passwords with SCRAM-SHA-256 and ask for it from network clients.
	if conn.Auth != "SCRAM-SHA-256" {
		t.Fatalf("authenticated by %q, not SCRAM-SHA-256: check the server's pg_hba.conf", conn.Auth)
	}
	t.Logf("PostgreSQL %s", conn.Settings["server_version"])
}

func TestPostgresRefusesAWrongPassword(t *testing.T) {
	u, err := url.Parse(databaseURL(t))
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(u.User.Username(), "not-the-password")
	_, err = postgres.Connect(u.String())
	var failure *postgres.Error
	if !errors.As(err, &failure) || failure.Code != "28P01" { // invalid_password
		t.Fatalf("got %v", err)
	}
}

func TestQueriesReturnTextNullsAndTheLastStatementsRows(t *testing.T) {
	conn := connect(t)
	result := query(t, conn, "SELECT 1 + 1 AS two, NULL::text AS nothing, "+postgres.Quote("it's")+" AS quoted")
	if strings.Join(result.Columns, ",") != "two,nothing,quoted" || len(result.Rows) != 1 {
		t.Fatalf("got %+v", result)
	}
	if row := result.Rows[0]; *row[0] != "2" || row[1] != nil || *row[2] != "it's" || result.Tag != "SELECT 1" {
		t.Fatalf("got %q %v %q (%s)", *row[0], row[1], *row[2], result.Tag)
	}

	table := unique("notes")
	result = query(t, conn, "CREATE TEMPORARY TABLE "+table+" (id int PRIMARY KEY, body text); "+
		"INSERT INTO "+table+" VALUES (1, 'one'), (2, NULL); SELECT id, body FROM "+table+" ORDER BY id")
	if len(result.Rows) != 2 || *result.Rows[0][1] != "one" || result.Rows[1][1] != nil || result.Tag != "SELECT 2" {
		t.Fatalf("got %+v", result)
	}
	if result := query(t, conn, "UPDATE "+table+" SET body = 'two' WHERE id = 2"); result.Tag != "UPDATE 1" {
		t.Fatalf("update: %s", result.Tag)
	}
}

func TestAServerErrorCarriesItsCodeAndTheSessionGoesOn(t *testing.T) {
	conn := connect(t)
	_, err := conn.Query("SELEC 1")
	var failure *postgres.Error
	if !errors.As(err, &failure) || failure.Code != "42601" { // syntax_error
		t.Fatalf("got %v", err)
	}

	table := unique("keys")
	query(t, conn, "CREATE TEMPORARY TABLE "+table+" (id text PRIMARY KEY); INSERT INTO "+table+" VALUES ('a')")
	_, err = conn.Query("INSERT INTO " + table + " VALUES ('a')")
	if !errors.As(err, &failure) || failure.Code != "23505" { // unique_violation
		t.Fatalf("got %v", err)
	}
	if err := conn.Ping(); err != nil {
		t.Fatalf("after the errors: %v", err)
	}
}
