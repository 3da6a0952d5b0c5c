package postgres

import (
	"encoding/hex"
	"strings"
	"testing"
)

// RFC 7677's example exchange (user "user", password "pencil").
const (
	rfcClientNonce = "rOprNGfwEbeRWgbNEkqO"
	rfcServerFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
	rfcClientFinal = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
	rfcServerFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="
)

// withNonce makes the client's nonce the RFC's for one test.
func withNonce(t *testing.T, nonce string) {
	t.Helper()
	previous := newNonce
	newNonce = func() (string, error) { return nonce, nil }
	t.Cleanup(func() { newNonce = previous })
}

func TestPBKDF2MatchesRFC7914(t *testing.T) {
	got := hex.EncodeToString(pbkdf2SHA256([]byte("passwd"), []byte("salt"), 1, 64))
	want := "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
	if got != want {
		t.Fatalf("got %s", got)
	}
}

func TestTheExchangeOfRFC7677(t *testing.T) {
	withNonce(t, rfcClientNonce)
	exchange, err := newScram("user", "pencil")
	if err != nil {
		t.Fatal(err)
	}
	if first := exchange.first(); first != "n,,n=user,r="+rfcClientNonce {
		t.Fatalf("first: %s", first)
	}
	final, err := exchange.final(rfcServerFirst)
	if err != nil || final != rfcClientFinal {
		t.Fatalf("final: %s (%v)", final, err)
	}
	if err := exchange.verify(rfcServerFinal); err != nil {
		t.Fatal(err)
	}
}

func TestAServerThatDoesNotKnowThePasswordIsRefused(t *testing.T) {
	withNonce(t, rfcClientNonce)
	exchange, _ := newScram("user", "not pencil")
	if _, err := exchange.final(rfcServerFirst); err != nil {
		t.Fatal(err)
	}
	if err := exchange.verify(rfcServerFinal); err == nil || !strings.Contains(err.Error(), "does not know the password") {
		t.Fatalf("got %v", err)
	}
	if err := exchange.verify("e=invalid-proof"); err == nil || !strings.Contains(err.Error(), "refused: invalid-proof") {
		t.Fatalf("got %v", err)
	}
}

func TestABadServerFirstMessageIsRefused(t *testing.T) {
	withNonce(t, rfcClientNonce)
	for message, want := range map[string]string{
		"r=someoneelse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096":            "does not extend ours",
		"r=" + rfcClientNonce + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096": "does not extend ours",
		"r=" + rfcClientNonce + "x,s=%%%,i=4096":                     "no usable salt",
		"r=" + rfcClientNonce + "x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=0":   "bad iteration count",
	} {
		exchange, _ := newScram("user", "pencil")
		if _, err := exchange.final(message); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", message, err, want)
		}
	}
	exchange, _ := newScram("user", "pencil")
	if err := exchange.verify(rfcServerFinal); err == nil {
		t.Fatal("a server-final before the proof passed")
	}
}

func TestUserNamesAreEscapedAndNoncesRandom(t *testing.T) {
	if got := saslName("a=b,c"); got != "a=3Db=2Cc" {
		t.Fatalf("got %s", got)
	}
	a, _ := newNonce()
	b, _ := newNonce()
	if a == b || len(a) < 20 {
		t.Fatalf("nonces %q and %q", a, b)
	}
}
