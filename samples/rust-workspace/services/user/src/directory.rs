//! The user directory in PostgreSQL: one row per user, each e-mail address (compared without case)
//! registered once.

use std::fmt;

use store_clients::postgres::{quote_literal, Client, Error, Row};

/// SQLSTATE unique_violation: the address is taken.
const UNIQUE_VIOLATION: &str = "23505";

/// A registered user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
}

/// Why a registration did not happen.
#[derive(Debug)]
pub enum RegisterError {
    AlreadyRegistered(String),
    Database(Error),
}

impl fmt::Display for RegisterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegisterError::AlreadyRegistered(email) => write!(f, "{email} is already registered"),
            RegisterError::Database(e) => write!(f, "{e}"),
        }
    }
}

impl From<Error> for RegisterError {
    fn from(e: Error) -> Self {
        RegisterError::Database(e)
    }
}

/// The users of the database `db` is connected to (its table in the first schema of its search path).
pub struct Directory {
    db: Client,
}

impl Directory {
    /// Opens the directory, creating its table the first time.
    pub fn open(mut db: Client) -> Result<Directory, Error> {
        db.execute(
            "CREATE TABLE IF NOT EXISTS users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL UNIQUE CHECK (email = lower(email)),
                name text NOT NULL CHECK (name <> '')
            )",
        )?;
        Ok(Directory { db })
    }

    /// Registers `name` under `email` (kept in lower case); an address already taken is refused.
    pub fn register(&mut self, email: &str, name: &str) -> Result<User, RegisterError> {
        let email = email.trim().to_lowercase();
        let sql = format!(
            "INSERT INTO users (email, name) VALUES ({}, {}) RETURNING id, email, name",
            quote_literal(&email)?,
            quote_literal(name)?
        );
        match self.db.query(&sql) {
            Ok(rows) => user(rows.first()).map_err(RegisterError::Database),
            Err(e) if e.code() == Some(UNIQUE_VIOLATION) => {
                Err(RegisterError::AlreadyRegistered(email))
            }
            Err(e) => Err(RegisterError::Database(e)),
        }
    }

    /// The user registered under `email`, in any case.
    pub fn find(&mut self, email: &str) -> Result<Option<User>, Error> {
        let sql = format!(
            "SELECT id, email, name FROM users WHERE email = {}",
            quote_literal(&email.trim().to_lowercase())?
        );
        let rows = self.db.query(&sql)?;
        rows.first().map(|row| user(Some(row))).transpose()
    }

    /// Gives user `id` a new name; false when there is no such user.
    pub fn rename(&mut self, id: i64, name: &str) -> Result<bool, Error> {
        let tag = self.db.execute(&format!(
            "UPDATE users SET name = {} WHERE id = {id}",
            quote_literal(name)?
        ))?;
        Ok(tag == "UPDATE 1")
    }

    /// How many users are registered.
    pub fn count(&mut self) -> Result<u64, Error> {
        let rows = self.db.query("SELECT count(*) FROM users")?;
        rows.first()
            .and_then(|r| r.get(0))
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| Error::Protocol("count(*) gave no number".into()))
    }
}

fn user(row: Option<&Row>) -> Result<User, Error> {
    let missing = || Error::Protocol("a users row lacks a column".into());
    let row = row.ok_or_else(missing)?;
    Ok(User {
        id: row
            .get(0)
            .and_then(|id| id.parse().ok())
            .ok_or_else(missing)?,
        email: row.get(1).ok_or_else(missing)?.to_string(),
        name: row.get(2).ok_or_else(missing)?.to_string(),
    })
}
