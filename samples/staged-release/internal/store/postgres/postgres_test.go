package postgres

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
)

// backend is the server side of one fake PostgreSQL session: the tests script what it says and
// check what the client sends, byte for byte as the protocol has it.
type backend struct {
	conn   net.Conn
	reader *bufio.Reader
}

// serve listens on 127.0.0.1 and runs script for the first connection; the test fails with the script's error.
func serve(t *testing.T, script func(b *backend) error) string {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		conn, err := listener.Accept()
		if err != nil {
			done <- err
			return
		}
		defer conn.Close()
		done <- script(&backend{conn: conn, reader: bufio.NewReader(conn)})
	}()
	t.Cleanup(func() {
		listener.Close()
		if err := <-done; err != nil {
			t.Errorf("server: %v", err)
		}
	})
	return listener.Addr().String()
}

// startup reads the startup message and returns its parameters.
func (b *backend) startup() (map[string]string, error) {
	header := make([]byte, 8)
	if _, err := io.ReadFull(b.reader, header); err != nil {
		return nil, err
	}
	if version := binary.BigEndian.Uint32(header[4:]); version != 196608 {
		return nil, fmt.Errorf("protocol %d", version)
	}
	body := make([]byte, binary.BigEndian.Uint32(header)-8)
	if _, err := io.ReadFull(b.reader, body); err != nil {
		return nil, err
	}
	parts := strings.Split(strings.TrimRight(string(body), "\x00"), "\x00")
	parameters := map[string]string{}
	for i := 0; i+1 < len(parts); i += 2 {
		parameters[parts[i]] = parts[i+1]
	}
	return parameters, nil
}

func (b *backend) read(want byte) ([]byte, error) {
	header := make([]byte, 5)
	if _, err := io.ReadFull(b.reader, header); err != nil {
		return nil, err
	}
	body := make([]byte, binary.BigEndian.Uint32(header[1:])-4)
	if _, err := io.ReadFull(b.reader, body); err != nil {
		return nil, err
	}
	if header[0] != want {
		return nil, fmt.Errorf("got message %q, want %q", header[0], want)
	}
	return body, nil
}

func (b *backend) send(kind byte, parts ...[]byte) error {
	body := []byte{}
	for _, part := range parts {
		body = append(body, part...)
	}
	_, err := b.conn.Write(append(append([]byte{kind}, binary.BigEndian.AppendUint32(nil, uint32(len(body)+4))...), body...))
	return err
}

func u32(n uint32) []byte { return binary.BigEndian.AppendUint32(nil, n) }

func cstr(texts ...string) []byte { return []byte(strings.Join(texts, "\x00") + "\x00") }

// ready ends a successful startup as PostgreSQL does: settings, the key, ReadyForQuery.
func (b *backend) ready(conforming string) error {
	for _, err := range []error{
		b.send('S', cstr("server_version", "15.8")),
		b.send('S', cstr("standard_conforming_strings", conforming)),
		b.send('K', u32(42), u32(7)),
		b.send('Z', []byte("I")),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

func (b *backend) authenticationOk() error { return b.send('R', u32(0)) }

func trusting(then func(b *backend) error) func(b *backend) error {
	return func(b *backend) error {
		if _, err := b.startup(); err != nil {
			return err
		}
		if err := b.authenticationOk(); err != nil {
			return err
		}
		if err := b.ready("on"); err != nil {
			return err
		}
		return then(b)
	}
}

func TestScramAsPostgreSQLRunsIt(t *testing.T) {
	withNonce(t, rfcClientNonce)
	address := serve(t, func(b *backend) error {
		parameters, err := b.startup()
		if err != nil {
			return err
		}
		if parameters["user"] != "user" || parameters["database"] != "catalog" || parameters["application_name"] != "release-service" {
			return fmt.Errorf("startup parameters %v", parameters)
		}
		if err := b.send('R', u32(10), cstr("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256", "")); err != nil {
			return err
		}
		initial, err := b.read('p')
		if err != nil {
			return err
		}
		wantInitial := append(append(cstr("SCRAM-SHA-256"), u32(uint32(len("n,,n=user,r="+rfcClientNonce)))...), "n,,n=user,r="+rfcClientNonce...)
		if string(initial) != string(wantInitial) {
			return fmt.Errorf("SASLInitialResponse %q", initial)
		}
		if err := b.send('R', u32(11), []byte(rfcServerFirst)); err != nil {
			return err
		}
		final, err := b.read('p')
		if err != nil || string(final) != rfcClientFinal {
			return fmt.Errorf("SASLResponse %q (%v)", final, err)
		}
		if err := b.send('R', u32(12), []byte(rfcServerFinal)); err != nil {
			return err
		}
		if err := b.authenticationOk(); err != nil {
			return err
		}
		return b.ready("on")
	})

	conn, err := Connect("postgres://user:pencil@" + address + "/catalog")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if conn.Auth != "SCRAM-SHA-256" || conn.Settings["server_version"] != "15.8" {
		t.Fatalf("auth %q, settings %v", conn.Auth, conn.Settings)
	}
}

func TestCleartextPasswordAndTheDefaultDatabase(t *testing.T) {
	address := serve(t, func(b *backend) error {
		parameters, err := b.startup()
		if err != nil {
			return err
		}
		if parameters["database"] != "release" {
			return fmt.Errorf("database %q: the user's name is the default", parameters["database"])
		}
		if err := b.send('R', u32(3)); err != nil {
			return err
		}
		password, err := b.read('p')
		if err != nil || string(password) != "s3cret\x00" {
			return fmt.Errorf("password %q (%v)", password, err)
		}
		if err := b.authenticationOk(); err != nil {
			return err
		}
		return b.ready("on")
	})

	conn, err := Connect("postgresql://release:s3cret@" + address)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if conn.Auth != "password" {
		t.Fatalf("auth %q", conn.Auth)
	}
}

func TestAQueryReturnsTheLastStatementsRowsWithNulls(t *testing.T) {
	address := serve(t, trusting(func(b *backend) error {
		sql, err := b.read('Q')
		if err != nil || string(sql) != "CREATE TABLE t (a text); SELECT id, note FROM t\x00" {
			return fmt.Errorf("query %q (%v)", sql, err)
		}
		column := func(name string) []byte { return append(cstr(name), make([]byte, 18)...) }
		for _, err := range []error{
			b.send('C', cstr("CREATE TABLE")),
			b.send('T', []byte{0, 2}, column("id"), column("note")),
			b.send('D', []byte{0, 2}, u32(3), []byte("ale"), u32(5), []byte("hoppy")),
			b.send('D', []byte{0, 2}, u32(5), []byte("stout"), u32(0xFFFFFFFF)),
			b.send('C', cstr("SELECT 2")),
			b.send('Z', []byte("I")),
		} {
			if err != nil {
				return err
			}
		}
		_, err = b.read('X')
		return err
	}))

	conn, err := Connect("postgres://release@" + address + "/catalog")
	if err != nil {
		t.Fatal(err)
	}
	result, err := conn.Query("CREATE TABLE t (a text); SELECT id, note FROM t")
	if err != nil {
		t.Fatal(err)
	}
	if conn.Auth != "trust" || strings.Join(result.Columns, ",") != "id,note" || result.Tag != "SELECT 2" || len(result.Rows) != 2 ||
		*result.Rows[0][1] != "hoppy" || *result.Rows[1][0] != "stout" || result.Rows[1][1] != nil {
		t.Fatalf("auth %q, result %+v", conn.Auth, result)
	}
	if err := conn.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestAnErrorResponseCarriesItsCodeAndTheSessionGoesOn(t *testing.T) {
	address := serve(t, trusting(func(b *backend) error {
		if _, err := b.read('Q'); err != nil {
			return err
		}
		if err := b.send('E', cstr("SERROR", "VERROR", "C42601", "Msyntax error at or near \"SELEC\"", "")); err != nil {
			return err
		}
		if err := b.send('Z', []byte("I")); err != nil {
			return err
		}
		if _, err := b.read('Q'); err != nil {
			return err
		}
		for _, err := range []error{b.send('T', []byte{0, 1}, cstr("?column?"), make([]byte, 18)), b.send('D', []byte{0, 1}, u32(1), []byte("1")), b.send('C', cstr("SELECT 1")), b.send('Z', []byte("I"))} {
			if err != nil {
				return err
			}
		}
		return nil
	}))

	conn, err := Connect("postgres://release@" + address + "/catalog")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, err = conn.Query("SELEC 1")
	var failure *Error
	if !errors.As(err, &failure) || failure.Code != "42601" || failure.Severity != "ERROR" ||
		err.Error() != `postgres ERROR 42601: syntax error at or near "SELEC"` {
		t.Fatalf("got %v", err)
	}
	if err := conn.Ping(); err != nil {
		t.Fatalf("after the error: %v", err)
	}
	if _, err := conn.Query("SELECT '\x00'"); err == nil {
		t.Fatal("a NUL in a query was sent")
	}
}

func TestStartupRefusals(t *testing.T) {
	for name, c := range map[string]struct {
		script func(b *backend) error
		want   string
	}{
		"wrong password": {func(b *backend) error {
			return b.send('E', cstr("SFATAL", "C28P01", `Mpassword authentication failed for user "release"`, ""))
		}, `postgres FATAL 28P01: password authentication failed for user "release"`},
		"md5":            {func(b *backend) error { return b.send('R', u32(5), []byte{1, 2, 3, 4}) }, "does not speak: use scram-sha-256"},
		"kerberos":       {func(b *backend) error { return b.send('R', u32(2)) }, "authentication method 2"},
		"no scram":       {func(b *backend) error { return b.send('R', u32(10), cstr("OAUTHBEARER", "")) }, `SASL mechanisms "OAUTHBEARER", not SCRAM-SHA-256`},
		"continue first": {func(b *backend) error { return b.send('R', u32(11), []byte("r=x")) }, "continued before it started"},
		"final first":    {func(b *backend) error { return b.send('R', u32(12), []byte("v=x")) }, "finished before it started"},
		"short request":  {func(b *backend) error { return b.send('R', []byte{0}) }, "short authentication request"},
		"not postgres":   {func(b *backend) error { _, err := b.conn.Write([]byte("HTTP/1.1 400 Bad Request\r\n\r\n")); return err }, "makes no sense"},
		"backslashes": {func(b *backend) error {
			if err := b.authenticationOk(); err != nil {
				return err
			}
			return b.ready("off")
		}, "standard_conforming_strings is off"},
	} {
		script := c.script
		address := serve(t, func(b *backend) error {
			if _, err := b.startup(); err != nil {
				return err
			}
			return script(b)
		})
		if _, err := Connect("postgres://release:wrong@" + address + "/catalog"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", name, err, c.want)
		}
	}
}

func TestBadURLsAndAnUnreachableServer(t *testing.T) {
	for _, url := range []string{"mysql://a@b/c", "postgres:///catalog", "postgres://host/catalog", "::"} {
		if _, err := Connect(url); err == nil || !strings.Contains(err.Error(), "must look like postgres://") {
			t.Errorf("%s: got %v", url, err)
		}
	}
	listener, _ := net.Listen("tcp", "127.0.0.1:0")
	address := listener.Addr().String()
	listener.Close()
	if _, err := Connect("postgres://release@" + address + "/catalog"); err == nil {
		t.Fatal("connected to a closed port")
	}
}

func TestQuoteDoublesQuotes(t *testing.T) {
	if got := Quote("it's"); got != "'it''s'" {
		t.Fatalf("got %s", got)
	}
}
