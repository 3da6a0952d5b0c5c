//! A PostgreSQL client for the simple query protocol (protocol 3.0): connect, authenticate with
//! trust or a cleartext password, run SQL text, read rows as text.
//!
//! No MD5 or SCRAM: the test database is configured for `password` authentication instead (see
//! `build/Stores.cs`), which keeps this client free of hand-written hash functions.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

const PROTOCOL_VERSION: i32 = 3 << 16;
const TIMEOUT: Duration = Duration::from_secs(30);

/// Where and as whom to connect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub host: String,
    pub port: u16,
    pub user: String,
    pub password: Option<String>,
    pub database: String,
}

impl Config {
    /// `postgres://user[:password]@host[:port][/database]` (also `postgresql://`); user and
    /// password may be percent-encoded. The database defaults to the user, as libpq's does.
    pub fn from_url(url: &str) -> Result<Config, Error> {
        let bad = |why: &str| {
            Error::Url(format!(
                "{why} (expected postgres://user:password@host:port/database)"
            ))
        };
        let rest = url
            .strip_prefix("postgres://")
            .or_else(|| url.strip_prefix("postgresql://"))
            .ok_or_else(|| bad("not a postgres:// URL"))?;
        let (credentials, location) = rest.rsplit_once('@').ok_or_else(|| bad("no user"))?;
        let (user, password) = match credentials.split_once(':') {
            Some((user, password)) => (percent_decode(user)?, Some(percent_decode(password)?)),
            None => (percent_decode(credentials)?, None),
        };
        let (address, database) = location.split_once('/').unwrap_or((location, ""));
        let (host, port) = match address.rsplit_once(':') {
            Some((host, port)) => (
                host,
                port.parse().map_err(|_| bad("the port is not a number"))?,
            ),
            None => (address, 5432),
        };
        if user.is_empty() || host.is_empty() {
            return Err(bad("no user or no host"));
        }
        let database = database.split('?').next().unwrap_or_default();
        Ok(Config {
            host: host.to_string(),
            port,
            database: if database.is_empty() {
                user.clone()
            } else {
                percent_decode(database)?
            },
            user,
            password,
        })
    }
}

/// What went wrong: the connection, the URL, authentication, or an error the server reported.
#[derive(Debug)]
pub enum Error {
    Io(io::Error),
    Url(String),
    Auth(String),
    Protocol(String),
    /// An ErrorResponse: its severity, SQLSTATE code and message.
    Server {
        severity: String,
        code: String,
        message: String,
    },
}

impl Error {
    /// The SQLSTATE of a server error, e.g. `23505` for a unique violation.
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Server { code, .. } => Some(code),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(e) => write!(f, "postgres connection: {e}"),
            Error::Url(why) => write!(f, "postgres URL: {why}"),
            Error::Auth(why) => write!(f, "postgres authentication: {why}"),
            Error::Protocol(why) => write!(f, "postgres protocol: {why}"),
            Error::Server {
                severity,
                code,
                message,
            } => write!(f, "{severity} {code}: {message}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Io(e)
    }
}

/// One statement's outcome: its columns and rows (none for a command) and its command tag.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryResult {
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
    /// What the server says it did, e.g. `INSERT 0 1` or `SELECT 2`.
    pub tag: String,
}

/// One row, each value in PostgreSQL's text format; `None` is SQL NULL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row(pub Vec<Option<String>>);

impl Row {
    /// The value of column `index`; `None` for NULL or a column it does not have.
    pub fn get(&self, index: usize) -> Option<&str> {
        self.0.get(index).and_then(|v| v.as_deref())
    }
}

/// An open session. Dropping it closes the connection; [`Client::close`] says goodbye first.
pub struct Client {
    reader: BufReader<TcpStream>,
    writer: BufWriter<TcpStream>,
    parameters: HashMap<String, String>,
}

impl Client {
    /// Connects to the server `DATABASE_URL`-style `url` names.
    pub fn connect_url(url: &str) -> Result<Client, Error> {
        Client::connect(&Config::from_url(url)?)
    }

    /// Connects, starts a session and authenticates; ready for queries when it returns.
    pub fn connect(config: &Config) -> Result<Client, Error> {
        let stream = TcpStream::connect((config.host.as_str(), config.port))?;
        stream.set_read_timeout(Some(TIMEOUT))?;
        stream.set_write_timeout(Some(TIMEOUT))?;
        let mut client = Client {
            reader: BufReader::new(stream.try_clone()?),
            writer: BufWriter::new(stream),
            parameters: HashMap::new(),
        };
        client.start(config)?;
        // Literals are quoted for standard strings (backslash is not an escape): refuse a server that differs.
        if client.parameter("standard_conforming_strings") != Some("on") {
            return Err(Error::Protocol(
                "the server does not use standard_conforming_strings = on".into(),
            ));
        }
        Ok(client)
    }

    /// A run-time parameter the server reported (`server_version`, `client_encoding`, ...).
    pub fn parameter(&self, name: &str) -> Option<&str> {
        self.parameters.get(name).map(String::as_str)
    }

    fn start(&mut self, config: &Config) -> Result<(), Error> {
        let mut body = PROTOCOL_VERSION.to_be_bytes().to_vec();
        for (key, value) in [
            ("user", config.user.as_str()),
            ("database", config.database.as_str()),
            ("client_encoding", "UTF8"),
        ] {
            put_cstr(&mut body, key)?;
            put_cstr(&mut body, value)?;
        }
        body.push(0);
        self.send(None, &body)?;
        loop {
            let (tag, body) = self.receive()?;
            match tag {
                b'R' => self.authenticate(config, &body)?,
                b'S' => self.remember_parameter(&body)?,
                b'K' | b'N' => {} // the cancel key (unused), notices
                b'E' => return Err(server_error(&body)),
                b'Z' => return Ok(()),
                other => return Err(unexpected(other, "during startup")),
            }
        }
    }

    fn authenticate(&mut self, config: &Config, body: &[u8]) -> Result<(), Error> {
        match read_i32(body, 0)? {
            0 => Ok(()), // AuthenticationOk: trusted, or the password was right
            3 => {
                let password = config
                    .password
                    .as_deref()
                    .ok_or_else(|| Error::Auth("the server asks for a password and the URL has none".into()))?;
                let mut message = Vec::new();
                put_cstr(&mut message, password)?;
                self.send(Some(b'p'), &message)
            }
            5 => Err(Error::Auth(
                "the server asks for md5, which this client does not do: configure the server for `password` (or trust)".into(),
            )),
            10 => Err(Error::Auth(
                "the server asks for SASL (SCRAM), which this client does not do: configure the server for `password` (or trust)".into(),
            )),
            other => Err(Error::Auth(format!("unsupported authentication request {other}"))),
        }
    }

    fn remember_parameter(&mut self, body: &[u8]) -> Result<(), Error> {
        let mut fields = Fields::new(body);
        let name = fields.cstr()?;
        let value = fields.cstr()?;
        self.parameters.insert(name, value);
        Ok(())
    }

    /// Runs `sql` (one statement or several, separated by `;`) and returns each statement's result.
    /// On an error the server rolls back what the text did not commit and the session stays usable.
    pub fn simple_query(&mut self, sql: &str) -> Result<Vec<QueryResult>, Error> {
        let mut message = Vec::new();
        put_cstr(&mut message, sql)?;
        self.send(Some(b'Q'), &message)?;
        let mut results = Vec::new();
        let mut current = QueryResult::default();
        let mut failure = None;
        // Read up to ReadyForQuery even after an error, so the next query starts in step.
        loop {
            let (tag, body) = self.receive()?;
            match tag {
                b'T' => current.columns = row_description(&body)?,
                b'D' => current.rows.push(data_row(&body)?),
                b'C' => {
                    current.tag = Fields::new(&body).cstr()?;
                    results.push(std::mem::take(&mut current));
                }
                b'I' => results.push(std::mem::take(&mut current)), // an empty query
                b'E' => failure = Some(server_error(&body)),
                b'S' => self.remember_parameter(&body)?,
                b'N' | b'A' => {} // notices, notifications
                b'Z' => break,
                other => return Err(unexpected(other, "in a query's answer")),
            }
        }
        match failure {
            Some(error) => Err(error),
            None => Ok(results),
        }
    }

    /// The rows of `sql`'s last statement.
    pub fn query(&mut self, sql: &str) -> Result<Vec<Row>, Error> {
        Ok(self
            .simple_query(sql)?
            .pop()
            .map(|r| r.rows)
            .unwrap_or_default())
    }

    /// Runs `sql` for its effect; returns the last statement's command tag.
    pub fn execute(&mut self, sql: &str) -> Result<String, Error> {
        Ok(self
            .simple_query(sql)?
            .pop()
            .map(|r| r.tag)
            .unwrap_or_default())
    }

    /// Ends the session politely (Terminate) and closes the connection.
    pub fn close(mut self) -> Result<(), Error> {
        self.send(Some(b'X'), &[])
    }

    fn send(&mut self, tag: Option<u8>, body: &[u8]) -> Result<(), Error> {
        let length = i32::try_from(body.len() + 4)
            .map_err(|_| Error::Protocol("message too long".into()))?;
        if let Some(tag) = tag {
            self.writer.write_all(&[tag])?;
        }
        self.writer.write_all(&length.to_be_bytes())?;
        self.writer.write_all(body)?;
        self.writer.flush()?;
        Ok(())
    }

    fn receive(&mut self) -> Result<(u8, Vec<u8>), Error> {
        read_message(&mut self.reader)
    }
}

/// A string as an SQL literal: `it's` → `'it''s'`. Safe because the client insists on
/// standard_conforming_strings (a backslash is an ordinary character); NUL cannot be sent at all.
pub fn quote_literal(value: &str) -> Result<String, Error> {
    if value.contains('\0') {
        return Err(Error::Protocol(
            "a string with NUL cannot be sent to PostgreSQL".into(),
        ));
    }
    Ok(format!("'{}'", value.replace('\'', "''")))
}

/// A name as an SQL identifier: `my "table"` → `"my ""table"""`.
pub fn quote_identifier(name: &str) -> Result<String, Error> {
    if name.is_empty() || name.contains('\0') {
        return Err(Error::Protocol(
            "an identifier must be non-empty and without NUL".into(),
        ));
    }
    Ok(format!("\"{}\"", name.replace('"', "\"\"")))
}

/// One backend message: its type byte and its body (the length word already read).
fn read_message(reader: &mut impl Read) -> Result<(u8, Vec<u8>), Error> {
    let mut header = [0u8; 5];
    reader.read_exact(&mut header)?;
    let length = i32::from_be_bytes([header[1], header[2], header[3], header[4]]);
    let length = usize::try_from(length)
        .ok()
        .and_then(|l| l.checked_sub(4))
        .ok_or_else(|| Error::Protocol(format!("bad message length {length}")))?;
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body)?;
    Ok((header[0], body))
}

fn row_description(body: &[u8]) -> Result<Vec<String>, Error> {
    let mut fields = Fields::new(body);
    let count = fields.i16()?;
    let mut columns = Vec::new();
    for _ in 0..count {
        columns.push(fields.cstr()?);
        fields.skip(4 + 2 + 4 + 2 + 4 + 2)?; // table, column number, type, size, modifier, format
    }
    Ok(columns)
}

fn data_row(body: &[u8]) -> Result<Row, Error> {
    let mut fields = Fields::new(body);
    let count = fields.i16()?;
    let mut values = Vec::new();
    for _ in 0..count {
        let length = fields.i32()?;
        values.push(match usize::try_from(length) {
            Ok(length) => Some(
                String::from_utf8(fields.take(length)?.to_vec())
                    .map_err(|_| Error::Protocol("a value is not UTF-8".into()))?,
            ),
            Err(_) => None, // -1: NULL
        });
    }
    Ok(Row(values))
}

fn server_error(body: &[u8]) -> Error {
    let (mut severity, mut code, mut message) = (String::new(), String::new(), String::new());
    let mut fields = Fields::new(body);
    while let Ok(kind) = fields.byte() {
        if kind == 0 {
            break;
        }
        let Ok(value) = fields.cstr() else { break };
        match kind {
            b'S' => severity = value,
            b'C' => code = value,
            b'M' => message = value,
            _ => {}
        }
    }
    Error::Server {
        severity,
        code,
        message,
    }
}

fn unexpected(tag: u8, when: &str) -> Error {
    Error::Protocol(format!("unexpected message '{}' {when}", tag as char))
}

fn put_cstr(buffer: &mut Vec<u8>, value: &str) -> Result<(), Error> {
    if value.contains('\0') {
        return Err(Error::Protocol(
            "a string with NUL cannot be sent to PostgreSQL".into(),
        ));
    }
    buffer.extend_from_slice(value.as_bytes());
    buffer.push(0);
    Ok(())
}

fn read_i32(body: &[u8], at: usize) -> Result<i32, Error> {
    let mut fields = Fields::new(body);
    fields.skip(at)?;
    fields.i32()
}

fn percent_decode(text: &str) -> Result<String, Error> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            decoded.push(hex.ok_or_else(|| Error::Url(format!("bad percent escape in '{text}'")))?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(decoded)
        .map_err(|_| Error::Url(format!("'{text}' is not UTF-8 once decoded")))
}

/// A cursor over a message body; every read checks it stays inside.
struct Fields<'a> {
    body: &'a [u8],
    at: usize,
}

impl<'a> Fields<'a> {
    fn new(body: &'a [u8]) -> Self {
        Fields { body, at: 0 }
    }

    fn take(&mut self, count: usize) -> Result<&'a [u8], Error> {
        let end = self
            .at
            .checked_add(count)
            .filter(|&end| end <= self.body.len());
        let end = end.ok_or_else(|| Error::Protocol("a message ends early".into()))?;
        let taken = &self.body[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn skip(&mut self, count: usize) -> Result<(), Error> {
        self.take(count).map(|_| ())
    }

    fn byte(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?[0])
    }

    fn i16(&mut self) -> Result<i16, Error> {
        let b = self.take(2)?;
        Ok(i16::from_be_bytes([b[0], b[1]]))
    }

    fn i32(&mut self) -> Result<i32, Error> {
        let b = self.take(4)?;
        Ok(i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn cstr(&mut self) -> Result<String, Error> {
        let rest = &self.body[self.at..];
        let end = rest
            .iter()
            .position(|&b| b == 0)
            .ok_or_else(|| Error::Protocol("a string has no end".into()))?;
        let text = String::from_utf8(rest[..end].to_vec())
            .map_err(|_| Error::Protocol("a string is not UTF-8".into()))?;
        self.at += end + 1;
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_gives_host_port_user_password_and_database() {
        let config = Config::from_url("postgres://rust:p%40ss@127.0.0.1:49153/services").unwrap();
        assert_eq!(
            config,
            Config {
                host: "127.0.0.1".into(),
                port: 49153,
                user: "rust".into(),
                password: Some("p@ss".into()),
                database: "services".into(),
            }
        );
    }

    #[test]
    fn a_url_without_port_or_database_takes_the_defaults_and_a_bad_one_says_what_is_expected() {
        let config = Config::from_url("postgresql://app@db").unwrap();
        assert_eq!(
            (config.port, config.database.as_str(), config.password),
            (5432, "app", None)
        );
        let error = Config::from_url("Host=db;Port=5432")
            .unwrap_err()
            .to_string();
        assert!(error.contains("expected postgres://"), "{error}");
        assert!(Config::from_url("postgres://app@db:port/x").is_err());
    }

    #[test]
    fn literals_and_identifiers_double_their_quotes_and_refuse_nul() {
        assert_eq!(quote_literal("O'Brien").unwrap(), "'O''Brien'");
        assert_eq!(quote_literal(r"C:\temp").unwrap(), r"'C:\temp'");
        assert!(quote_literal("a\0b").is_err());
        assert_eq!(quote_identifier(r#"my "t""#).unwrap(), r#""my ""t""""#);
        assert!(quote_identifier("").is_err());
    }

    #[test]
    fn a_data_row_reads_text_values_and_null() {
        let mut body = 2i16.to_be_bytes().to_vec();
        body.extend_from_slice(&2i32.to_be_bytes());
        body.extend_from_slice(b"42");
        body.extend_from_slice(&(-1i32).to_be_bytes());
        assert_eq!(data_row(&body).unwrap(), Row(vec![Some("42".into()), None]));
        assert!(
            data_row(&body[..5]).is_err(),
            "a truncated row is an error, not a panic"
        );
    }

    #[test]
    fn an_error_response_gives_severity_code_and_message() {
        let body = b"SERROR\0C23505\0Mduplicate key value\0\0";
        let error = server_error(body);
        assert_eq!(error.code(), Some("23505"));
        assert_eq!(error.to_string(), "ERROR 23505: duplicate key value");
    }

    #[test]
    fn a_message_is_its_type_and_a_body_of_the_announced_length() {
        let mut wire: &[u8] = &[b'Z', 0, 0, 0, 5, b'I', b'C'];
        assert_eq!(read_message(&mut wire).unwrap(), (b'Z', vec![b'I']));
        let mut short: &[u8] = &[b'Z', 0, 0, 0, 9, b'I'];
        assert!(read_message(&mut short).is_err());
    }
}
