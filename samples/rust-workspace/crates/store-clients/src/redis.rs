//! A Redis client speaking RESP (version 2, what every server answers by default): a command is an
//! array of bulk strings, a reply one of five types.

use std::fmt;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::net::TcpStream;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(30);

/// A reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `+OK`
    Status(String),
    /// `:42`
    Integer(i64),
    /// `$3 foo`
    Bulk(Vec<u8>),
    /// `$-1` or `*-1`: no such key, a timed-out wait.
    Nil,
    /// `*2 ...`
    Array(Vec<Value>),
    /// An error reply inside an array (EXEC's replies): a value there, not the command's failure.
    Error(String),
}

impl Value {
    /// A status or bulk string as text; `None` for other replies or bytes that are not UTF-8.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Status(text) => Some(text),
            Value::Bulk(bytes) => std::str::from_utf8(bytes).ok(),
            _ => None,
        }
    }

    pub fn as_integer(&self) -> Option<i64> {
        match self {
            Value::Integer(n) => Some(*n),
            _ => None,
        }
    }
}

/// What went wrong: the connection, a reply that is not RESP, or an error reply (`-ERR ...`).
#[derive(Debug)]
pub enum Error {
    Io(io::Error),
    Protocol(String),
    Server(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(e) => write!(f, "redis connection: {e}"),
            Error::Protocol(why) => write!(f, "redis protocol: {why}"),
            Error::Server(message) => write!(f, "redis: {message}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Io(e)
    }
}

/// An open connection; commands run one at a time, each waiting for its reply.
pub struct Connection {
    reader: BufReader<TcpStream>,
    writer: BufWriter<TcpStream>,
}

impl Connection {
    /// Connects to `host:port` (what `REDIS_URL` holds) or `redis://host:port`.
    pub fn connect(address: &str) -> Result<Connection, Error> {
        let address = address
            .strip_prefix("redis://")
            .unwrap_or(address)
            .trim_end_matches('/');
        let stream = TcpStream::connect(address)?;
        stream.set_read_timeout(Some(TIMEOUT))?;
        stream.set_write_timeout(Some(TIMEOUT))?;
        Ok(Connection {
            reader: BufReader::new(stream.try_clone()?),
            writer: BufWriter::new(stream),
        })
    }

    /// Sends one command, e.g. `["SET", "key", "value"]`, and reads its reply; an error reply is `Err(Error::Server)`.
    pub fn command<A: AsRef<[u8]>>(&mut self, arguments: &[A]) -> Result<Value, Error> {
        self.writer.write_all(&encode(arguments))?;
        self.writer.flush()?;
        read_value(&mut self.reader)
    }
}

/// A command as RESP: `*<count>` then each argument as `$<length>` and its bytes.
pub fn encode<A: AsRef<[u8]>>(arguments: &[A]) -> Vec<u8> {
    let mut wire = format!("*{}\r\n", arguments.len()).into_bytes();
    for argument in arguments {
        let argument = argument.as_ref();
        wire.extend_from_slice(format!("${}\r\n", argument.len()).as_bytes());
        wire.extend_from_slice(argument);
        wire.extend_from_slice(b"\r\n");
    }
    wire
}

/// Reads one whole reply (an array with all its elements).
pub fn read_value(reader: &mut impl BufRead) -> Result<Value, Error> {
    let line = read_line(reader)?;
    let (kind, rest) = line.split_at(1);
    match kind {
        "+" => Ok(Value::Status(rest.to_string())),
        "-" => Err(Error::Server(rest.to_string())),
        ":" => Ok(Value::Integer(number(rest)?)),
        "$" => match usize::try_from(number(rest)?) {
            Err(_) => Ok(Value::Nil),
            Ok(length) => {
                let mut bytes = vec![0u8; length + 2];
                reader.read_exact(&mut bytes)?;
                if !bytes.ends_with(b"\r\n") {
                    return Err(Error::Protocol(
                        "a bulk string does not end with CRLF".into(),
                    ));
                }
                bytes.truncate(length);
                Ok(Value::Bulk(bytes))
            }
        },
        "*" => match usize::try_from(number(rest)?) {
            Err(_) => Ok(Value::Nil),
            Ok(count) => {
                let elements = (0..count).map(|_| match read_value(reader) {
                    Err(Error::Server(message)) => Ok(Value::Error(message)),
                    other => other,
                });
                Ok(Value::Array(elements.collect::<Result<_, _>>()?))
            }
        },
        other => Err(Error::Protocol(format!("unknown reply type '{other}'"))),
    }
}

fn read_line(reader: &mut impl BufRead) -> Result<String, Error> {
    let mut line = Vec::new();
    reader.read_until(b'\n', &mut line)?;
    if !line.ends_with(b"\r\n") || line.len() < 3 {
        return Err(if line.is_empty() {
            Error::Io(io::ErrorKind::UnexpectedEof.into())
        } else {
            Error::Protocol("a reply line does not end with CRLF".into())
        });
    }
    line.truncate(line.len() - 2);
    String::from_utf8(line).map_err(|_| Error::Protocol("a reply line is not UTF-8".into()))
}

fn number(text: &str) -> Result<i64, Error> {
    text.parse()
        .map_err(|_| Error::Protocol(format!("'{text}' is not a number")))
}

/// A reply already in memory, which must be all there is.
#[cfg(test)]
fn parse(mut wire: &[u8]) -> Result<Value, Error> {
    let value = read_value(&mut wire)?;
    if !wire.is_empty() {
        return Err(Error::Protocol("bytes after the reply".into()));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_is_an_array_of_bulk_strings() {
        assert_eq!(
            encode(&["SET", "k", "vé"]),
            b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$3\r\nv\xc3\xa9\r\n".to_vec()
        );
    }

    #[test]
    fn each_reply_type_is_read() {
        assert_eq!(parse(b"+OK\r\n").unwrap(), Value::Status("OK".into()));
        assert_eq!(parse(b":-7\r\n").unwrap(), Value::Integer(-7));
        assert_eq!(
            parse(b"$5\r\na\r\nbc\r\n").unwrap(),
            Value::Bulk(b"a\r\nbc".to_vec())
        );
        assert_eq!(parse(b"$-1\r\n").unwrap(), Value::Nil);
        assert_eq!(
            parse(b"*2\r\n$1\r\nx\r\n:1\r\n").unwrap(),
            Value::Array(vec![Value::Bulk(b"x".to_vec()), Value::Integer(1)])
        );
    }

    #[test]
    fn an_error_reply_is_an_error_and_broken_replies_do_not_panic() {
        let error = parse(b"-WRONGTYPE Operation against a key\r\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "redis: WRONGTYPE Operation against a key"
        );
        assert_eq!(
            parse(b"*2\r\n-ERR no\r\n+OK\r\n").unwrap(),
            Value::Array(vec![
                Value::Error("ERR no".into()),
                Value::Status("OK".into())
            ])
        );
        assert!(matches!(parse(b"?x\r\n"), Err(Error::Protocol(_))));
        assert!(matches!(parse(b"$3\r\nab"), Err(Error::Io(_))));
        assert!(matches!(parse(b":12"), Err(Error::Protocol(_))));
        assert!(matches!(parse(b""), Err(Error::Io(_))));
    }
}
