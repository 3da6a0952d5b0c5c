// Package postgres speaks the part of PostgreSQL's wire protocol (version 3) the catalogue needs:
// one connection, trust, cleartext or SCRAM-SHA-256 authentication (PostgreSQL 14 and later hash
// passwords with SCRAM by default), and simple queries with text results. Go's standard library has
// no PostgreSQL driver, and this sample builds with no module to download.
package postgres

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"time"
)

// protocolVersion is 3.0: the major version in the high 16 bits.
const protocolVersion = 3 << 16

// Timeout bounds connecting and each query, so a stuck server fails a request instead of hanging it.
var Timeout = 10 * time.Second

// Conn is one session. Its methods may be called from several goroutines: one query at a time.
type Conn struct {
	mu     sync.Mutex
	conn   net.Conn
	reader *bufio.Reader
	// Auth names how the server let us in: "trust", "password" or "SCRAM-SHA-256".
	Auth string
	// Settings are the server's run-time parameters it reported (server_version, standard_conforming_strings…).
	Settings map[string]string
}

// Result is what the last statement of a query returned.
type Result struct {
	Columns []string
	// Rows hold each column's text, nil for NULL.
	Rows [][]*string
	// Tag is the command's completion tag: "SELECT 2", "INSERT 0 1", "CREATE TABLE".
	Tag string
}

// Error is an error the server reported, with its SQLSTATE code (23505: unique violation, 42601: syntax error).
type Error struct {
	Severity string
	Code     string
	Message  string
}

func (e *Error) Error() string {
	return fmt.Sprintf("postgres %s %s: %s", e.Severity, e.Code, e.Message)
}

// Connect opens postgres://user[:password]@host[:port]/database and authenticates.
func Connect(databaseURL string) (*Conn, error) {
	u, err := url.Parse(databaseURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Hostname() == "" || u.User == nil {
		return nil, errors.New("the database URL must look like postgres://user:password@host:port/database")
	}
	address := u.Host
	if u.Port() == "" {
		address = net.JoinHostPort(u.Hostname(), "5432")
	}
	conn, err := net.DialTimeout("tcp", address, Timeout)
	if err != nil {
		return nil, err
	}
	c := &Conn{conn: conn, reader: bufio.NewReader(conn), Settings: map[string]string{}}
	password, _ := u.User.Password()
	database := strings.TrimPrefix(u.Path, "/")
	if database == "" {
		database = u.User.Username()
	}
	_ = conn.SetDeadline(time.Now().Add(Timeout))
	if err := c.startup(u.User.Username(), password, database); err != nil {
		conn.Close()
		return nil, err
	}
	return c, nil
}

// Query runs one SQL text (several statements may be separated by ';') and returns the last statement's result.
func (c *Conn) Query(sql string) (*Result, error) {
	if strings.ContainsRune(sql, 0) {
		return nil, errors.New("a query cannot contain a NUL character")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	_ = c.conn.SetDeadline(time.Now().Add(Timeout))
	if err := c.send('Q', append([]byte(sql), 0)); err != nil {
		return nil, err
	}
	result := &Result{}
	var failure error
	for {
		kind, body, err := c.receive()
		if err != nil {
			return nil, err
		}
		switch kind {
		case 'T': // a new result set: only the last statement's is kept
			result = &Result{Columns: parseColumns(body)}
		case 'D':
			row, err := parseRow(body)
			if err != nil {
				return nil, err
			}
			result.Rows = append(result.Rows, row)
		case 'C':
			result.Tag = cString(body)
		case 'E':
			failure = parseError(body)
		case 'Z': // ready for the next query: the server has said all it will about this one
			if failure != nil {
				return nil, failure
			}
			return result, nil
		}
	}
}

// Ping checks the session still answers.
func (c *Conn) Ping() error {
	_, err := c.Query("SELECT 1")
	return err
}

// Close ends the session politely, then the connection.
func (c *Conn) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	_ = c.send('X', nil)
	return c.conn.Close()
}

// Quote makes a SQL string literal. Safe because the connection refuses a server without
// standard_conforming_strings (on by default since PostgreSQL 9.1), where backslashes would escape.
func Quote(text string) string { return "'" + strings.ReplaceAll(text, "'", "''") + "'" }

func (c *Conn) startup(user, password, database string) error {
	body := binary.BigEndian.AppendUint32(nil, protocolVersion)
	for _, s := range []string{"user", user, "database", database, "application_name", "release-service"} {
		body = append(append(body, s...), 0)
	}
	body = append(body, 0)
	if _, err := c.conn.Write(append(binary.BigEndian.AppendUint32(nil, uint32(len(body)+4)), body...)); err != nil {
		return err
	}
	var exchange *scram
	for {
		kind, body, err := c.receive()
		if err != nil {
			return err
		}
		switch kind {
		case 'R':
			if len(body) < 4 {
				return errors.New("postgres: a short authentication request")
			}
			if exchange, err = c.authenticate(binary.BigEndian.Uint32(body), body[4:], user, password, exchange); err != nil {
				return err
			}
		case 'S':
			if parts := strings.SplitN(string(body), "\x00", 3); len(parts) >= 2 {
				c.Settings[parts[0]] = parts[1]
			}
		case 'E':
			return parseError(body)
		case 'Z':
			if c.Settings["standard_conforming_strings"] != "on" {
				return errors.New("postgres: standard_conforming_strings is off; this client quotes literals only for 'on'")
			}
			return nil
		}
	}
}

// authenticate answers one authentication request; a SCRAM exchange spans three of them.
func (c *Conn) authenticate(request uint32, data []byte, user, password string, exchange *scram) (*scram, error) {
	switch request {
	case 0: // AuthenticationOk
		if c.Auth == "" {
			c.Auth = "trust"
		}
		return exchange, nil
	case 3: // AuthenticationCleartextPassword
		c.Auth = "password"
		return exchange, c.send('p', append([]byte(password), 0))
	case 10: // AuthenticationSASL: the mechanisms the server offers
		if !contains(strings.Split(string(data), "\x00"), scramMechanism) {
			return nil, fmt.Errorf("postgres offers SASL mechanisms %q, not %s", strings.Trim(string(data), "\x00"), scramMechanism)
		}
		exchange, err := newScram(user, password)
		if err != nil {
			return nil, err
		}
		first := exchange.first()
		message := append([]byte(scramMechanism), 0)
		message = binary.BigEndian.AppendUint32(message, uint32(len(first)))
		c.Auth = scramMechanism
		return exchange, c.send('p', append(message, first...))
	case 11: // AuthenticationSASLContinue: server-first-message
		if exchange == nil {
			return nil, errors.New("postgres: SCRAM continued before it started")
		}
		final, err := exchange.final(string(data))
		if err != nil {
			return nil, err
		}
		return exchange, c.send('p', []byte(final))
	case 12: // AuthenticationSASLFinal: server-final-message
		if exchange == nil {
			return nil, errors.New("postgres: SCRAM finished before it started")
		}
		return exchange, exchange.verify(string(data))
	case 5:
		return nil, errors.New("postgres asks for md5 authentication, which this client does not speak: use scram-sha-256 (the default), password or trust")
	default:
		return nil, fmt.Errorf("postgres asks for authentication method %d, which this client does not speak", request)
	}
}

func (c *Conn) send(kind byte, body []byte) error {
	frame := append([]byte{kind}, binary.BigEndian.AppendUint32(nil, uint32(len(body)+4))...)
	_, err := c.conn.Write(append(frame, body...))
	return err
}

// maxMessage bounds one server message, so a confused peer cannot make us allocate gigabytes.
const maxMessage = 64 << 20

func (c *Conn) receive() (byte, []byte, error) {
	header := make([]byte, 5)
	if _, err := io.ReadFull(c.reader, header); err != nil {
		return 0, nil, err
	}
	size := binary.BigEndian.Uint32(header[1:])
	if size < 4 || size > maxMessage {
		return 0, nil, fmt.Errorf("postgres: a message of %d bytes makes no sense: is this a PostgreSQL server?", size)
	}
	body := make([]byte, size-4)
	_, err := io.ReadFull(c.reader, body)
	return header[0], body, err
}

func parseColumns(body []byte) []string {
	if len(body) < 2 {
		return nil
	}
	count := int(binary.BigEndian.Uint16(body))
	columns := make([]string, 0, count)
	rest := body[2:]
	for i := 0; i < count; i++ {
		end := bytes.IndexByte(rest, 0)
		if end < 0 || len(rest) < end+1+18 {
			break
		}
		columns = append(columns, string(rest[:end]))
		rest = rest[end+1+18:] // table oid, column number, type oid, size, modifier, format
	}
	return columns
}

func parseRow(body []byte) ([]*string, error) {
	if len(body) < 2 {
		return nil, errors.New("postgres: a short data row")
	}
	row := make([]*string, binary.BigEndian.Uint16(body))
	at := 2
	for i := range row {
		if len(body) < at+4 {
			return nil, errors.New("postgres: a short data row")
		}
		size := int(int32(binary.BigEndian.Uint32(body[at:])))
		at += 4
		if size < 0 {
			continue // NULL
		}
		if len(body) < at+size {
			return nil, errors.New("postgres: a short data row")
		}
		text := string(body[at : at+size])
		row[i] = &text
		at += size
	}
	return row, nil
}

func parseError(body []byte) error {
	e := &Error{}
	for _, field := range strings.Split(string(body), "\x00") {
		if len(field) < 2 {
			continue
		}
		switch field[0] {
		case 'S':
			e.Severity = field[1:]
		case 'C':
			e.Code = field[1:]
		case 'M':
			e.Message = field[1:]
		}
	}
	return e
}

func cString(body []byte) string { return strings.TrimRight(string(body), "\x00") }

func contains(list []string, value string) bool {
	for _, item := range list {
		if item == value {
			return true
		}
	}
	return false
}
