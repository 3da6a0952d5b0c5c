package postgres

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// scramMechanism is the SASL mechanism PostgreSQL 14 and later use by default (RFC 7677).
const scramMechanism = "SCRAM-SHA-256"

// newNonce makes the client's part of the SCRAM nonce; tests replace it to replay RFC 7677's exchange.
var newNonce = func() (string, error) {
	raw := make([]byte, 18)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	return base64.RawStdEncoding.EncodeToString(raw), nil
}

// scram is one client side of a SCRAM-SHA-256 exchange: first message, proof, then the server's signature.
type scram struct {
	password        string
	clientFirstBare string
	clientNonce     string
	serverSignature []byte
}

func newScram(user, password string) (*scram, error) {
	nonce, err := newNonce()
	if err != nil {
		return nil, err
	}
	// PostgreSQL takes the user from the startup message and ignores this one; other servers need it.
	return &scram{password: password, clientNonce: nonce, clientFirstBare: "n=" + saslName(user) + ",r=" + nonce}, nil
}

// first is client-first-message: no channel binding ("n,,"), then the bare part.
func (s *scram) first() string { return "n,," + s.clientFirstBare }

// final answers server-first-message (r=nonce,s=salt,i=iterations) with client-final-message and its proof.
func (s *scram) final(serverFirst string) (string, error) {
	fields := scramFields(serverFirst)
	nonce, salt64, count := fields["r"], fields["s"], fields["i"]
	if !strings.HasPrefix(nonce, s.clientNonce) || len(nonce) == len(s.clientNonce) {
		return "", errors.New("SCRAM: the server's nonce does not extend ours")
	}
	salt, err := base64.StdEncoding.DecodeString(salt64)
	if err != nil || len(salt) == 0 {
		return "", errors.New("SCRAM: the server sent no usable salt")
	}
	iterations, err := strconv.Atoi(count)
	if err != nil || iterations < 1 {
		return "", fmt.Errorf("SCRAM: bad iteration count %q", count)
	}

	// The password is used as is: SASLprep changes only non-ASCII passwords, and PostgreSQL itself
	// falls back to the raw bytes when a password is not valid UTF-8 for it.
	salted := pbkdf2SHA256([]byte(s.password), salt, iterations, sha256.Size)
	clientKey := hmacSHA256(salted, []byte("Client Key"))
	storedKey := sha256.Sum256(clientKey)
	withoutProof := "c=" + base64.StdEncoding.EncodeToString([]byte("n,,")) + ",r=" + nonce
	authMessage := []byte(s.clientFirstBare + "," + serverFirst + "," + withoutProof)
	clientSignature := hmacSHA256(storedKey[:], authMessage)
	proof := make([]byte, len(clientKey))
	for i := range clientKey {
		proof[i] = clientKey[i] ^ clientSignature[i]
	}
	s.serverSignature = hmacSHA256(hmacSHA256(salted, []byte("Server Key")), authMessage)
	return withoutProof + ",p=" + base64.StdEncoding.EncodeToString(proof), nil
}

// verify checks server-final-message: a server that knows the password proves it, one that does not is refused.
func (s *scram) verify(serverFinal string) error {
	fields := scramFields(serverFinal)
	if message, failed := fields["e"]; failed {
		return fmt.Errorf("SCRAM: the server refused: %s", message)
	}
	signature, err := base64.StdEncoding.DecodeString(fields["v"])
	if err != nil || s.serverSignature == nil || subtle.ConstantTimeCompare(signature, s.serverSignature) != 1 {
		return errors.New("SCRAM: the server's signature does not match: it does not know the password")
	}
	return nil
}

// pbkdf2SHA256 is PBKDF2 (RFC 8018) with HMAC-SHA-256, SCRAM's Hi(): the standard library of Go 1.19 has none.
func pbkdf2SHA256(password, salt []byte, iterations, keyLength int) []byte {
	var key []byte
	for block := uint32(1); len(key) < keyLength; block++ {
		u := hmacSHA256(password, binary.BigEndian.AppendUint32(append([]byte{}, salt...), block))
		sum := append([]byte{}, u...)
		for i := 1; i < iterations; i++ {
			u = hmacSHA256(password, u)
			for j := range sum {
				sum[j] ^= u[j]
			}
		}
		key = append(key, sum...)
	}
	return key[:keyLength]
}

func hmacSHA256(key, message []byte) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write(message)
	return mac.Sum(nil)
}

// scramFields splits "a=1,b=2" into its attributes (values may contain '=', never ',').
func scramFields(message string) map[string]string {
	fields := map[string]string{}
	for _, part := range strings.Split(message, ",") {
		if len(part) >= 2 && part[1] == '=' {
			fields[part[:1]] = part[2:]
		}
	}
	return fields
}

// saslName escapes a user name for a SCRAM message: ',' and '=' would end or confuse an attribute.
func saslName(name string) string {
	return strings.NewReplacer("=", "=3D", ",", "=2C").Replace(name)
}
