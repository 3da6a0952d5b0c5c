package catalog

import (
	"fmt"
	"strings"

	"example.com/staged-release/internal/store/postgres"
)

// Database is what the PostgreSQL store needs of a connection (a *postgres.Conn).
type Database interface {
	Query(sql string) (*postgres.Result, error)
	Ping() error
}

// Postgres keeps the catalogue in a table.
type Postgres struct {
	db    Database
	table string
}

// NewPostgres uses the table named table (created by Migrate).
func NewPostgres(db Database, table string) *Postgres { return &Postgres{db: db, table: table} }

// Migrate creates the table when it is missing and adds the seed items it does not have yet.
func (p *Postgres) Migrate(seed []Item) error {
	statements := []string{fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s (id text PRIMARY KEY, title text NOT NULL)", p.table)}
	if len(seed) > 0 {
		values := make([]string, len(seed))
		for i, item := range seed {
			values[i] = fmt.Sprintf("(%s, %s)", postgres.Quote(item.ID), postgres.Quote(item.Title))
		}
		statements = append(statements, fmt.Sprintf("INSERT INTO %s (id, title) VALUES %s ON CONFLICT (id) DO NOTHING", p.table, strings.Join(values, ", ")))
	}
	_, err := p.db.Query(strings.Join(statements, "; "))
	return err
}

func (p *Postgres) List() ([]Item, error) {
	result, err := p.db.Query(fmt.Sprintf("SELECT id, title FROM %s ORDER BY id", p.table))
	if err != nil {
		return nil, err
	}
	return items(result)
}

func (p *Postgres) Get(id string) (Item, bool, error) {
	result, err := p.db.Query(fmt.Sprintf("SELECT id, title FROM %s WHERE id = %s", p.table, postgres.Quote(id)))
	if err != nil {
		return Item{}, false, err
	}
	found, err := items(result)
	if err != nil || len(found) == 0 {
		return Item{}, false, err
	}
	return found[0], true, nil
}

func (p *Postgres) Ping() error { return p.db.Ping() }

// items reads (id, title) rows; both columns are NOT NULL, so a NULL means the query is not ours.
func items(result *postgres.Result) ([]Item, error) {
	list := make([]Item, 0, len(result.Rows))
	for _, row := range result.Rows {
		if len(row) != 2 || row[0] == nil || row[1] == nil {
			return nil, fmt.Errorf("catalogue: a row with columns %v is not (id, title)", result.Columns)
		}
		list = append(list, Item{ID: *row[0], Title: *row[1]})
	}
	return list, nil
}
