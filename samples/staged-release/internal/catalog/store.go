package catalog

// Store is where the catalogue lives: in memory, in PostgreSQL, or either behind a cache.
type Store interface {
	// List returns every item, ordered by id.
	List() ([]Item, error)
	// Get returns one item; found is false when there is none with that id.
	Get(id string) (item Item, found bool, err error)
	// Ping checks the store answers (the health check).
	Ping() error
}

// Memory is a catalogue held in the process: the default, when no database is configured.
type Memory struct{ items []Item }

// NewMemory holds items as given (already ordered by id).
func NewMemory(items []Item) *Memory { return &Memory{items: items} }

func (m *Memory) List() ([]Item, error) { return m.items, nil }

func (m *Memory) Get(id string) (Item, bool, error) {
	for _, item := range m.items {
		if item.ID == id {
			return item, true, nil
		}
	}
	return Item{}, false, nil
}

func (m *Memory) Ping() error { return nil }
