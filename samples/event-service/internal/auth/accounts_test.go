package auth

import (
	"errors"
	"testing"
	"time"
)

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func TestSignUpLogInVerify(t *testing.T) {
	a := NewAccounts([]byte("test-key"), time.Hour)
	if err := a.SignUp("Ada@Example.com", "correct horse"); err != nil {
		t.Fatal(err)
	}
	token, err := a.LogIn("ada@example.com", "correct horse", now)
	if err != nil {
		t.Fatal(err)
	}
	email, err := a.Verify(token, now.Add(time.Minute))
	if err != nil || email != "ada@example.com" {
		t.Fatalf("Verify = %q, %v", email, err)
	}
}

func TestRejectsWrongPasswordDuplicateAndWeakSignups(t *testing.T) {
	a := NewAccounts([]byte("k"), time.Hour)
	_ = a.SignUp("bob@example.com", "long enough")
	if _, err := a.LogIn("bob@example.com", "wrong password", now); !errors.Is(err, ErrCredentials) {
		t.Errorf("wrong password: %v", err)
	}
	if err := a.SignUp("bob@example.com", "another one"); !errors.Is(err, ErrTaken) {
		t.Errorf("duplicate: %v", err)
	}
	if err := a.SignUp("no-at-sign", "long enough"); !errors.Is(err, ErrWeak) {
		t.Errorf("weak: %v", err)
	}
}

func TestTokensExpireAndCannotBeForged(t *testing.T) {
	a := NewAccounts([]byte("k"), time.Minute)
	_ = a.SignUp("eve@example.com", "long enough")
	token, _ := a.LogIn("eve@example.com", "long enough", now)
	if _, err := a.Verify(token, now.Add(2*time.Minute)); !errors.Is(err, ErrToken) {
		t.Errorf("expired: %v", err)
	}
	other := NewAccounts([]byte("other key"), time.Minute)
	if _, err := other.Verify(token, now); !errors.Is(err, ErrToken) {
		t.Errorf("forged: %v", err)
	}
}
