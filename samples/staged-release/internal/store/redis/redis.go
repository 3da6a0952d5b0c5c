// Package redis speaks RESP (the Redis serialization protocol, version 2) over one connection:
// commands as arrays of bulk strings, and the five reply types. Enough for a cache, with no module to download.
package redis

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Timeout bounds connecting and each command.
var Timeout = 5 * time.Second

// Client is one connection. Its methods may be called from several goroutines: one command at a time.
type Client struct {
	mu     sync.Mutex
	conn   net.Conn
	reader *bufio.Reader
}

// Value is one reply: a simple or bulk string, an integer, an array, or nil (a missing key).
type Value struct {
	Text  string
	Int   int64
	Array []Value
	Nil   bool
}

// Error is an error reply from the server ("WRONGTYPE Operation against a key holding the wrong kind of value").
type Error string

func (e Error) Error() string { return "redis: " + string(e) }

// Dial connects to host:port, or to a redis://[:password@]host[:port][/db] URL.
func Dial(address string) (*Client, error) {
	password, database := "", ""
	if strings.Contains(address, "://") {
		u, err := url.Parse(address)
		if err != nil || u.Scheme != "redis" || u.Hostname() == "" {
			return nil, errors.New("the Redis address must be host:port or redis://[:password@]host[:port][/db]")
		}
		if u.User != nil {
			password, _ = u.User.Password()
		}
		database = strings.TrimPrefix(u.Path, "/")
		address = u.Host
		if u.Port() == "" {
			address = net.JoinHostPort(u.Hostname(), "6379")
		}
	}
	conn, err := net.DialTimeout("tcp", address, Timeout)
	if err != nil {
		return nil, err
	}
	c := &Client{conn: conn, reader: bufio.NewReader(conn)}
	for _, command := range [][]string{{"AUTH", password}, {"SELECT", database}} {
		if command[1] == "" {
			continue
		}
		if _, err := c.Do(command...); err != nil {
			conn.Close()
			return nil, err
		}
	}
	return c, nil
}

// Do sends one command and reads its reply; an error reply comes back as an Error.
func (c *Client) Do(args ...string) (Value, error) {
	if len(args) == 0 {
		return Value{}, errors.New("redis: no command")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	_ = c.conn.SetDeadline(time.Now().Add(Timeout))
	var command strings.Builder
	fmt.Fprintf(&command, "*%d\r\n", len(args))
	for _, arg := range args {
		fmt.Fprintf(&command, "$%d\r\n%s\r\n", len(arg), arg)
	}
	if _, err := io.WriteString(c.conn, command.String()); err != nil {
		return Value{}, err
	}
	return readValue(c.reader)
}

// Ping checks the server answers PONG.
func (c *Client) Ping() error {
	reply, err := c.Do("PING")
	if err == nil && reply.Text != "PONG" {
		err = fmt.Errorf("redis: PING answered %q", reply.Text)
	}
	return err
}

// Get reads a string key; found is false when the key does not exist.
func (c *Client) Get(key string) (value string, found bool, err error) {
	reply, err := c.Do("GET", key)
	if err != nil || reply.Nil {
		return "", false, err
	}
	return reply.Text, true, nil
}

// Set writes a string key that expires after ttl (never, for 0).
func (c *Client) Set(key, value string, ttl time.Duration) error {
	args := []string{"SET", key, value}
	if ttl > 0 {
		args = append(args, "PX", strconv.FormatInt(ttl.Milliseconds(), 10))
	}
	_, err := c.Do(args...)
	return err
}

// Del removes keys and says how many existed.
func (c *Client) Del(keys ...string) (int64, error) {
	reply, err := c.Do(append([]string{"DEL"}, keys...)...)
	return reply.Int, err
}

// Close ends the connection.
func (c *Client) Close() error { return c.conn.Close() }

// maxBulk bounds one bulk string or array, so a confused peer cannot make us allocate gigabytes.
const maxBulk = 512 << 20

func readValue(reader *bufio.Reader) (Value, error) {
	line, err := reader.ReadString('\n')
	if err != nil {
		return Value{}, err
	}
	if len(line) < 3 || !strings.HasSuffix(line, "\r\n") {
		return Value{}, fmt.Errorf("redis: a malformed reply line %q", line)
	}
	kind, text := line[0], line[1:len(line)-2]
	switch kind {
	case '+':
		return Value{Text: text}, nil
	case '-':
		return Value{}, Error(text)
	case ':':
		n, err := strconv.ParseInt(text, 10, 64)
		return Value{Int: n, Text: text}, err
	case '$':
		size, err := length(text)
		if err != nil || size < 0 {
			return Value{Nil: true}, err
		}
		data := make([]byte, size+2)
		if _, err := io.ReadFull(reader, data); err != nil {
			return Value{}, err
		}
		return Value{Text: string(data[:size])}, nil
	case '*':
		count, err := length(text)
		if err != nil || count < 0 {
			return Value{Nil: true}, err
		}
		items := make([]Value, 0, count)
		var failed error // an error reply inside an array: read the rest, so the next reply starts where it should
		for i := 0; i < count; i++ {
			item, err := readValue(reader)
			var reply Error
			if errors.As(err, &reply) {
				failed, err = firstOf(failed, err), nil
			}
			if err != nil {
				return Value{}, err
			}
			items = append(items, item)
		}
		return Value{Array: items}, failed
	default:
		return Value{}, fmt.Errorf("redis: an unknown reply type %q", kind)
	}
}

// length reads a bulk or array length: -1 is nil, anything larger than maxBulk is refused.
func length(text string) (int, error) {
	n, err := strconv.Atoi(text)
	if err != nil || n < -1 || n > maxBulk {
		return 0, fmt.Errorf("redis: a bad length %q", text)
	}
	return n, nil
}

func firstOf(first, next error) error {
	if first != nil {
		return first
	}
	return next
}
