//! Sessions in Redis: `session:<token>` holds the user and expires on its own; the set
//! `sessions-of:<user>` lists a user's tokens so that signing out everywhere finds them all.

use std::fs::File;
use std::io::{self, Read};
use std::time::Duration;

use store_clients::redis::{Connection, Error, Value};

/// The sessions of every user, in the Redis of one connection.
pub struct Sessions {
    redis: Connection,
    lifetime: Duration,
}

impl Sessions {
    /// Sessions that last `lifetime` (whole seconds, at least one) from when they are opened.
    pub fn new(redis: Connection, lifetime: Duration) -> Self {
        Sessions {
            redis,
            lifetime: lifetime.max(Duration::from_secs(1)),
        }
    }

    /// Opens a session for `user` and returns its token: 32 hex digits from the OS's random source.
    pub fn open(&mut self, user: &str) -> Result<String, Error> {
        let token = new_token()?;
        let seconds = self.lifetime.as_secs().to_string();
        // NX: a token is never reused, even in the unlikely event the random source repeats one.
        let set = self
            .redis
            .command(&["SET", &session_key(&token), user, "EX", &seconds, "NX"])?;
        if set != Value::Status("OK".into()) {
            return Err(Error::Protocol(format!(
                "a new session token was already taken: {set:?}"
            )));
        }
        self.redis
            .command(&["SADD", &sessions_of_key(user), &token])?;
        self.redis
            .command(&["EXPIRE", &sessions_of_key(user), &seconds])?;
        Ok(token)
    }

    /// The user whose session `token` is, while it lasts.
    pub fn user_of(&mut self, token: &str) -> Result<Option<String>, Error> {
        match self.redis.command(&["GET", &session_key(token)])? {
            Value::Nil => Ok(None),
            value => Ok(value.as_str().map(str::to_string)),
        }
    }

    /// How long `token`'s session has left; `None` when there is no such session.
    pub fn remaining(&mut self, token: &str) -> Result<Option<Duration>, Error> {
        let seconds = self.redis.command(&["TTL", &session_key(token)])?;
        Ok(seconds
            .as_integer()
            .and_then(|s| u64::try_from(s).ok())
            .map(Duration::from_secs))
    }

    /// Closes one session; false when it was not open.
    pub fn close(&mut self, token: &str) -> Result<bool, Error> {
        let Some(user) = self.user_of(token)? else {
            return Ok(false);
        };
        let deleted = self.redis.command(&["DEL", &session_key(token)])?;
        self.redis
            .command(&["SREM", &sessions_of_key(&user), token])?;
        Ok(deleted == Value::Integer(1))
    }

    /// Closes every session of `user` (signing out everywhere); returns how many were open.
    pub fn close_all(&mut self, user: &str) -> Result<usize, Error> {
        let Value::Array(tokens) = self.redis.command(&["SMEMBERS", &sessions_of_key(user)])?
        else {
            return Err(Error::Protocol("SMEMBERS did not answer a set".into()));
        };
        let keys: Vec<String> = tokens
            .iter()
            .filter_map(Value::as_str)
            .map(session_key)
            .collect();
        if keys.is_empty() {
            return Ok(0);
        }
        // Tokens of sessions that expired are still in the set: only the live ones count.
        let deleted = self
            .redis
            .command(&[&["DEL".to_string()], keys.as_slice()].concat())?;
        self.redis.command(&["DEL", &sessions_of_key(user)])?;
        Ok(deleted
            .as_integer()
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0))
    }
}

fn session_key(token: &str) -> String {
    format!("session:{token}")
}

fn sessions_of_key(user: &str) -> String {
    format!("sessions-of:{user}")
}

// The services run on Linux (their images are static binaries FROM scratch), where this always exists.
fn new_token() -> io::Result<String> {
    let mut bytes = [0u8; 16];
    File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
