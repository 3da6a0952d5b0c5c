package redis

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"
)

func read(t *testing.T, wire string) (Value, error) {
	t.Helper()
	return readValue(bufio.NewReader(strings.NewReader(wire)))
}

func TestEachReplyType(t *testing.T) {
	if v, err := read(t, "+OK\r\n"); err != nil || v.Text != "OK" {
		t.Errorf("simple: %+v (%v)", v, err)
	}
	if v, err := read(t, ":-42\r\n"); err != nil || v.Int != -42 {
		t.Errorf("integer: %+v (%v)", v, err)
	}
	if v, err := read(t, "$7\r\nhi\r\nyou\r\n"); err != nil || v.Text != "hi\r\nyou" {
		t.Errorf("bulk with CRLF inside: %+v (%v)", v, err)
	}
	if v, err := read(t, "$-1\r\n"); err != nil || !v.Nil {
		t.Errorf("nil bulk: %+v (%v)", v, err)
	}
	if v, err := read(t, "*-1\r\n"); err != nil || !v.Nil {
		t.Errorf("nil array: %+v (%v)", v, err)
	}
	if v, err := read(t, "*3\r\n$1\r\na\r\n*1\r\n:2\r\n$-1\r\n"); err != nil || len(v.Array) != 3 || v.Array[1].Array[0].Int != 2 || !v.Array[2].Nil {
		t.Errorf("nested array: %+v (%v)", v, err)
	}
	var reply Error
	if _, err := read(t, "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"); !errors.As(err, &reply) ||
		err.Error() != "redis: WRONGTYPE Operation against a key holding the wrong kind of value" {
		t.Errorf("error: %v", err)
	}
}

func TestAnErrorInsideAnArrayKeepsTheStreamInStep(t *testing.T) {
	reader := bufio.NewReader(strings.NewReader("*3\r\n+OK\r\n-ERR first\r\n-ERR second\r\n+NEXT\r\n"))
	v, err := readValue(reader)
	if err == nil || err.Error() != "redis: ERR first" || len(v.Array) != 3 {
		t.Fatalf("got %+v (%v)", v, err)
	}
	if next, err := readValue(reader); err != nil || next.Text != "NEXT" {
		t.Fatalf("next: %+v (%v)", next, err)
	}
}

func TestMalformedReplies(t *testing.T) {
	for wire, want := range map[string]string{
		"OK\r\n":           "unknown reply type",
		"+OK\n":            "malformed reply line",
		":x\r\n":           "invalid syntax",
		"$99999999999\r\n": "bad length",
		"*-2\r\n":          "bad length",
		"$5\r\nab":         "EOF",
		"*2\r\n+OK\r\n":    "EOF",
		"":                 "EOF",
	} {
		if _, err := read(t, wire); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", wire, err, want)
		}
	}
}

// server answers each command the client sends from a map of "COMMAND args" to wire replies, and notes the commands.
func server(t *testing.T, replies map[string]string) (string, *[]string) {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var commands []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		conn, err := listener.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		reader := bufio.NewReader(conn)
		for {
			command, err := readCommand(reader)
			if err != nil {
				return
			}
			commands = append(commands, command)
			reply, ok := replies[command]
			if !ok {
				reply = "-ERR unknown command '" + command + "'\r\n"
			}
			if _, err := io.WriteString(conn, reply); err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { listener.Close(); <-done })
	return listener.Addr().String(), &commands
}

// readCommand reads one command as clients send it: an array of bulk strings.
func readCommand(reader *bufio.Reader) (string, error) {
	line, err := reader.ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "*") {
		return "", fmt.Errorf("not an array: %q (%v)", line, err)
	}
	count, _ := strconv.Atoi(strings.TrimSpace(line[1:]))
	args := make([]string, count)
	for i := range args {
		header, _ := reader.ReadString('\n')
		size, _ := strconv.Atoi(strings.TrimSpace(header[1:]))
		data := make([]byte, size+2)
		if _, err := io.ReadFull(reader, data); err != nil {
			return "", err
		}
		args[i] = string(data[:size])
	}
	return strings.Join(args, " "), nil
}

func TestCommandsOverAConnection(t *testing.T) {
	address, commands := server(t, map[string]string{
		"PING":                          "+PONG\r\n",
		"SET catalog:items [] PX 30000": "+OK\r\n",
		"SET plain value":               "+OK\r\n",
		"GET catalog:items":             "$2\r\n[]\r\n",
		"GET missing":                   "$-1\r\n",
		"DEL catalog:items missing":     ":1\r\n",
	})
	client, err := Dial(address)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	if err := client.Ping(); err != nil {
		t.Fatal(err)
	}
	if err := client.Set("catalog:items", "[]", 30*time.Second); err != nil {
		t.Fatal(err)
	}
	if err := client.Set("plain", "value", 0); err != nil {
		t.Fatal(err)
	}
	if value, found, err := client.Get("catalog:items"); err != nil || !found || value != "[]" {
		t.Fatalf("get: %q %v (%v)", value, found, err)
	}
	if _, found, err := client.Get("missing"); err != nil || found {
		t.Fatalf("missing: %v (%v)", found, err)
	}
	if n, err := client.Del("catalog:items", "missing"); err != nil || n != 1 {
		t.Fatalf("del: %d (%v)", n, err)
	}
	if _, err := client.Do("FLUSHALL"); err == nil || !strings.Contains(err.Error(), "unknown command 'FLUSHALL'") {
		t.Fatalf("unknown: %v", err)
	}
	if _, err := client.Do(); err == nil {
		t.Fatal("an empty command was sent")
	}
	want := []string{"PING", "SET catalog:items [] PX 30000", "SET plain value", "GET catalog:items", "GET missing", "DEL catalog:items missing", "FLUSHALL"}
	if strings.Join(*commands, "|") != strings.Join(want, "|") {
		t.Fatalf("sent %q", *commands)
	}
}

func TestAURLAuthenticatesAndSelectsTheDatabase(t *testing.T) {
	address, commands := server(t, map[string]string{"AUTH s3cret": "+OK\r\n", "SELECT 2": "+OK\r\n", "PING": "+NOT PONG\r\n"})
	client, err := Dial("redis://:s3cret@" + address + "/2")
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	if err := client.Ping(); err == nil || !strings.Contains(err.Error(), `PING answered "NOT PONG"`) {
		t.Fatalf("ping: %v", err)
	}
	if strings.Join(*commands, "|") != "AUTH s3cret|SELECT 2|PING" {
		t.Fatalf("sent %q", *commands)
	}
}

func TestAWrongPasswordFailsTheDial(t *testing.T) {
	address, _ := server(t, map[string]string{"AUTH wrong": "-WRONGPASS invalid username-password pair or user is disabled.\r\n"})
	if _, err := Dial("redis://:wrong@" + address); err == nil || !strings.Contains(err.Error(), "WRONGPASS") {
		t.Fatalf("got %v", err)
	}
}

func TestBadAddresses(t *testing.T) {
	for _, address := range []string{"http://cache:6379", "redis://", "redis://%zz"} {
		if _, err := Dial(address); err == nil || !strings.Contains(err.Error(), "must be host:port or redis://") {
			t.Errorf("%s: got %v", address, err)
		}
	}
	listener, _ := net.Listen("tcp", "127.0.0.1:0")
	address := listener.Addr().String()
	listener.Close()
	if _, err := Dial(address); err == nil {
		t.Fatal("connected to a closed port")
	}
	if _, err := Dial("redis://" + address); err == nil {
		t.Fatal("connected to a closed port")
	}
}
