// Package auth signs users up, logs them in and checks the tokens it issued. Standard library
// only: salted SHA-256 password hashes and HMAC-signed tokens.
package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"
)

var (
	// ErrTaken means the email already has an account.
	ErrTaken = errors.New("email already registered")
	// ErrCredentials means the email or password is wrong (deliberately not saying which).
	ErrCredentials = errors.New("wrong email or password")
	// ErrToken means the token is malformed, forged or expired.
	ErrToken = errors.New("invalid or expired token")
	// ErrWeak means the signup data does not meet the rules.
	ErrWeak = errors.New("email must contain @ and password must have at least 8 characters")
)

type account struct {
	salt []byte
	hash [32]byte
}

// Accounts holds users and the token signing key. Safe for concurrent use.
type Accounts struct {
	mu       sync.RWMutex
	users    map[string]account
	key      []byte
	lifetime time.Duration
}

// NewAccounts uses key to sign tokens valid for lifetime.
func NewAccounts(key []byte, lifetime time.Duration) *Accounts {
	return &Accounts{users: map[string]account{}, key: key, lifetime: lifetime}
}

// SignUp creates an account.
func (a *Accounts) SignUp(email, password string) error {
	email = strings.ToLower(strings.TrimSpace(email))
	if !strings.Contains(email, "@") || len(password) < 8 {
		return ErrWeak
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, exists := a.users[email]; exists {
		return ErrTaken
	}
	a.users[email] = account{salt: salt, hash: hash(salt, password)}
	return nil
}

// LogIn checks the password and returns a signed token for the user.
func (a *Accounts) LogIn(email, password string, now time.Time) (string, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	a.mu.RLock()
	acc, ok := a.users[email]
	a.mu.RUnlock()
	if !ok {
		return "", ErrCredentials
	}
	want := hash(acc.salt, password)
	if subtle.ConstantTimeCompare(want[:], acc.hash[:]) != 1 {
		return "", ErrCredentials
	}
	expires := strconv.FormatInt(now.Add(a.lifetime).Unix(), 10)
	payload := base64.RawURLEncoding.EncodeToString([]byte(email + "|" + expires))
	return payload + "." + a.sign(payload), nil
}

// Verify returns the email a valid token was issued to.
func (a *Accounts) Verify(token string, now time.Time) (string, error) {
	payload, signature, found := strings.Cut(token, ".")
	if !found || !hmac.Equal([]byte(signature), []byte(a.sign(payload))) {
		return "", ErrToken
	}
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		return "", ErrToken
	}
	email, expires, found := strings.Cut(string(raw), "|")
	unix, err := strconv.ParseInt(expires, 10, 64)
	if !found || err != nil || now.Unix() >= unix {
		return "", ErrToken
	}
	return email, nil
}

func (a *Accounts) sign(payload string) string {
	mac := hmac.New(sha256.New, a.key)
	mac.Write([]byte(payload))
	return hex.EncodeToString(mac.Sum(nil))
}

func hash(salt []byte, password string) [32]byte {
	return sha256.Sum256(append(append([]byte{}, salt...), password...))
}
