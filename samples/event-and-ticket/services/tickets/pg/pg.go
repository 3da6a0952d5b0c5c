// Package pg speaks just enough of PostgreSQL's wire protocol (version 3) for the ticket service:
// one connection, trust, cleartext or MD5 authentication (no SCRAM: the sample's throwaway test database
// trusts its clients), and simple queries with text results.
// Go's standard library has no PostgreSQL driver, and this sample builds with no module to download.
package pg

import (
	"bufio"
	"crypto/md5"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Conn is one session; Query may be called from several goroutines (one query at a time).
type Conn struct {
	mu     sync.Mutex
	conn   net.Conn
	reader *bufio.Reader
}

// Row is one result row: each column's text, nil for NULL.
type Row []*string

// Connect opens postgres://user[:password]@host[:port]/database.
func Connect(databaseURL string) (*Conn, error) {
	u, err := url.Parse(databaseURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return nil, fmt.Errorf("DATABASE_URL must be postgres://user:password@host:port/database")
	}
	host := u.Host
	if u.Port() == "" {
		host = net.JoinHostPort(u.Hostname(), "5432")
	}
	conn, err := net.DialTimeout("tcp", host, 5*time.Second)
	if err != nil {
		return nil, err
	}
	c := &Conn{conn: conn, reader: bufio.NewReader(conn)}
	user := u.User.Username()
	password, _ := u.User.Password()
	if err := c.startup(user, password, strings.TrimPrefix(u.Path, "/")); err != nil {
		conn.Close()
		return nil, err
	}
	return c, nil
}

// Query runs one SQL statement (or several, separated by ';') and returns the rows of the last.
func (c *Conn) Query(sql string) ([]Row, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.send('Q', append([]byte(sql), 0)); err != nil {
		return nil, err
	}
	var rows []Row
	var failure error
	for {
		kind, body, err := c.receive()
		if err != nil {
			return nil, err
		}
		switch kind {
		case 'T':
			rows = nil // a new result set: keep only the last statement's rows
		case 'D':
			rows = append(rows, parseRow(body))
		case 'E':
			failure = parseError(body)
		case 'Z':
			return rows, failure
		}
	}
}

// Close ends the session.
func (c *Conn) Close() error {
	_ = c.send('X', nil)
	return c.conn.Close()
}

// Quote makes a SQL string literal (standard_conforming_strings is on since PostgreSQL 9.1).
func Quote(text string) string { return "'" + strings.ReplaceAll(text, "'", "''") + "'" }

// ErrUniqueViolation is what a duplicate key reports (SQLSTATE 23505).
var ErrUniqueViolation = errors.New("unique violation")

func (c *Conn) startup(user, password, database string) error {
	var body []byte
	body = binary.BigEndian.AppendUint32(body, 196608) // protocol 3.0
	for _, s := range []string{"user", user, "database", database} {
		body = append(append(body, s...), 0)
	}
	body = append(body, 0)
	frame := binary.BigEndian.AppendUint32(nil, uint32(len(body)+4))
	if _, err := c.conn.Write(append(frame, body...)); err != nil {
		return err
	}
	for {
		kind, body, err := c.receive()
		if err != nil {
			return err
		}
		switch kind {
		case 'R':
			if err := c.authenticate(binary.BigEndian.Uint32(body), body[4:], user, password); err != nil {
				return err
			}
		case 'E':
			return parseError(body)
		case 'Z':
			return nil
		}
	}
}

func (c *Conn) authenticate(method uint32, salt []byte, user, password string) error {
	switch method {
	case 0: // done
		return nil
	case 3: // cleartext
		return c.send('p', append([]byte(password), 0))
	case 5: // md5(md5(password + user) + salt)
		inner := md5.Sum([]byte(password + user))
		outer := md5.Sum(append([]byte(hex.EncodeToString(inner[:])), salt[:4]...))
		return c.send('p', append([]byte("md5"+hex.EncodeToString(outer[:])), 0))
	default:
		return fmt.Errorf("authentication method %d is not supported: use trust, password or md5", method)
	}
}

func (c *Conn) send(kind byte, body []byte) error {
	frame := append([]byte{kind}, binary.BigEndian.AppendUint32(nil, uint32(len(body)+4))...)
	_, err := c.conn.Write(append(frame, body...))
	return err
}

func (c *Conn) receive() (byte, []byte, error) {
	header := make([]byte, 5)
	if _, err := io.ReadFull(c.reader, header); err != nil {
		return 0, nil, err
	}
	body := make([]byte, binary.BigEndian.Uint32(header[1:])-4)
	_, err := io.ReadFull(c.reader, body)
	return header[0], body, err
}

func parseRow(body []byte) Row {
	columns := int(binary.BigEndian.Uint16(body))
	row := make(Row, columns)
	at := 2
	for i := range row {
		size := int32(binary.BigEndian.Uint32(body[at:]))
		at += 4
		if size >= 0 {
			text := string(body[at : at+int(size)])
			row[i] = &text
			at += int(size)
		}
	}
	return row
}

func parseError(body []byte) error {
	var code, message string
	for _, field := range strings.Split(string(body), "\x00") {
		if len(field) < 2 {
			continue
		}
		switch field[0] {
		case 'C':
			code = field[1:]
		case 'M':
			message = field[1:]
		}
	}
	if code == "23505" {
		return fmt.Errorf("%w: %s", ErrUniqueViolation, message)
	}
	return fmt.Errorf("postgres %s: %s", code, message)
}
