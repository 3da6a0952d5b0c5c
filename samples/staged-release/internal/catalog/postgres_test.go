package catalog

import (
	"errors"
	"strings"
	"testing"

	"example.com/staged-release/internal/store/postgres"
)

// recorded is a database that notes each query and answers from a script (the integration tests run the SQL for real).
type recorded struct {
	queries []string
	answers []*postgres.Result
	err     error
}

func (r *recorded) Query(sql string) (*postgres.Result, error) {
	r.queries = append(r.queries, sql)
	if r.err != nil {
		return nil, r.err
	}
	if len(r.answers) == 0 {
		return &postgres.Result{}, nil
	}
	answer := r.answers[0]
	r.answers = r.answers[1:]
	return answer, nil
}

func (r *recorded) Ping() error { return r.err }

func text(s string) *string { return &s }

func rows(values ...[2]string) *postgres.Result {
	result := &postgres.Result{Columns: []string{"id", "title"}}
	for _, v := range values {
		result.Rows = append(result.Rows, []*string{text(v[0]), text(v[1])})
	}
	return result
}

func TestMigrateCreatesTheTableAndSeedsItWithQuotedValues(t *testing.T) {
	db := &recorded{}
	if err := NewPostgres(db, "items").Migrate([]Item{{ID: "porter", Title: "O'Hara's porter"}}); err != nil {
		t.Fatal(err)
	}
	want := "CREATE TABLE IF NOT EXISTS items (id text PRIMARY KEY, title text NOT NULL); " +
		"INSERT INTO items (id, title) VALUES ('porter', 'O''Hara''s porter') ON CONFLICT (id) DO NOTHING"
	if len(db.queries) != 1 || db.queries[0] != want {
		t.Fatalf("got %q", db.queries)
	}
	if err := NewPostgres(db, "items").Migrate(nil); err != nil || !strings.HasSuffix(db.queries[1], "NOT NULL)") {
		t.Fatalf("without a seed: %q (%v)", db.queries[1], err)
	}
}

func TestListAndGetReadTheRows(t *testing.T) {
	db := &recorded{answers: []*postgres.Result{rows([2]string{"ale", "Pale ale"}, [2]string{"stout", "Oatmeal stout"}), rows([2]string{"stout", "Oatmeal stout"}), rows()}}
	store := NewPostgres(db, "items")

	list, err := store.List()
	if err != nil || len(list) != 2 || list[1] != (Item{"stout", "Oatmeal stout"}) {
		t.Fatalf("list: %v (%v)", list, err)
	}
	item, found, err := store.Get("stout")
	if err != nil || !found || item.Title != "Oatmeal stout" {
		t.Fatalf("get: %v %v (%v)", item, found, err)
	}
	if _, found, err := store.Get("x' OR '1'='1"); err != nil || found {
		t.Fatalf("missing: %v (%v)", found, err)
	}
	if got := db.queries[2]; got != "SELECT id, title FROM items WHERE id = 'x'' OR ''1''=''1'" {
		t.Fatalf("the id is not quoted: %s", got)
	}
}

func TestARowThatIsNotIdAndTitleIsAnError(t *testing.T) {
	db := &recorded{answers: []*postgres.Result{{Columns: []string{"id", "title"}, Rows: [][]*string{{text("ale"), nil}}}}}
	if _, err := NewPostgres(db, "items").List(); err == nil || !strings.Contains(err.Error(), "is not (id, title)") {
		t.Fatalf("got %v", err)
	}
}

func TestDatabaseErrorsReachTheCaller(t *testing.T) {
	db := &recorded{err: errors.New("postgres ERROR 42P01: relation \"items\" does not exist")}
	store := NewPostgres(db, "items")
	if _, err := store.List(); err != db.err {
		t.Fatalf("list: %v", err)
	}
	if _, _, err := store.Get("ale"); err != db.err {
		t.Fatalf("get: %v", err)
	}
	if err := store.Migrate(Items); err != db.err {
		t.Fatalf("migrate: %v", err)
	}
	if err := store.Ping(); err != db.err {
		t.Fatalf("ping: %v", err)
	}
}
