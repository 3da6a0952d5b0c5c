//! What every service of the workspace shares: a small HTTP/1.1 server on the standard library
//! (no crates to download), the health and readiness endpoints Kubernetes probes and the smoke test
//! polls, and `/info`, which names the service and its version.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;

/// An answer: a status code and a JSON body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub body: String,
}

impl Response {
    pub fn json(status: u16, body: impl Into<String>) -> Self {
        Response {
            status,
            body: body.into(),
        }
    }

    fn reason(&self) -> &'static str {
        match self.status {
            200 => "OK",
            400 => "Bad Request",
            404 => "Not Found",
            405 => "Method Not Allowed",
            _ => "Unknown",
        }
    }
}

/// A service: its name, what it is for, and the routes it adds to the shared ones.
#[derive(Clone, Copy)]
pub struct Service {
    pub name: &'static str,
    pub purpose: &'static str,
    /// Answers the service's own paths; `None` for a path it does not know.
    pub routes: fn(&str, &str) -> Option<Response>,
}

impl Service {
    /// Answers one request: the shared endpoints first, then the service's own routes.
    pub fn respond(&self, method: &str, path: &str) -> Response {
        match (method, path) {
            ("GET", "/health") | ("GET", "/readyz") => Response::json(200, r#"{"status":"ok"}"#),
            ("GET", "/info") => Response::json(
                200,
                format!(
                    r#"{{"service":"{}","purpose":"{}","version":"{}"}}"#,
                    self.name,
                    self.purpose,
                    env!("CARGO_PKG_VERSION")
                ),
            ),
            _ => (self.routes)(method, path).unwrap_or_else(|| {
                Response::json(404, format!(r#"{{"error":"no route {method} {path}"}}"#))
            }),
        }
    }

    /// Serves on 0.0.0.0:`PORT` (8080 by default), a thread per connection, until the process ends.
    pub fn serve(self) -> std::io::Result<()> {
        let port = std::env::var("PORT").unwrap_or_else(|_| "8080".to_string());
        let listener = TcpListener::bind(format!("0.0.0.0:{port}"))?;
        println!("{} listening on {}", self.name, listener.local_addr()?);
        for stream in listener.incoming().flatten() {
            thread::spawn(move || {
                let _ = self.answer(stream);
            });
        }
        Ok(())
    }

    fn answer(&self, mut stream: TcpStream) -> std::io::Result<()> {
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut request_line = String::new();
        reader.read_line(&mut request_line)?;
        // The headers are read and ignored: no route takes a body.
        let mut header = String::new();
        while reader.read_line(&mut header)? > 2 {
            header.clear();
        }
        let response = match parse_request_line(&request_line) {
            Some((method, path)) => self.respond(method, path),
            None => Response::json(400, r#"{"error":"bad request line"}"#),
        };
        println!("{} {} {}", self.name, request_line.trim(), response.status);
        write!(
            stream,
            "HTTP/1.1 {} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
            response.status,
            response.reason(),
            response.body.len(),
            response.body
        )?;
        stream.flush()
    }
}

/// `GET /info HTTP/1.1` → (`GET`, `/info`), without the query string.
pub fn parse_request_line(line: &str) -> Option<(&str, &str)> {
    let mut parts = line.split_whitespace();
    let method = parts.next()?;
    let target = parts.next()?;
    let version = parts.next()?;
    if !version.starts_with("HTTP/") || !target.starts_with('/') {
        return None;
    }
    Some((method, target.split('?').next().unwrap_or(target)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn echo(method: &str, path: &str) -> Option<Response> {
        (method == "GET" && path == "/echo").then(|| Response::json(200, r#"{"echo":true}"#))
    }

    const SERVICE: Service = Service {
        name: "test",
        purpose: "tests",
        routes: echo,
    };

    #[test]
    fn health_and_readiness_answer_ok() {
        assert_eq!(SERVICE.respond("GET", "/health").status, 200);
        assert_eq!(SERVICE.respond("GET", "/readyz").status, 200);
    }

    #[test]
    fn info_names_the_service_and_its_version() {
        let info = SERVICE.respond("GET", "/info");
        assert!(info.body.contains(r#""service":"test""#), "{}", info.body);
        assert!(info.body.contains(r#""version":"0.1.0""#), "{}", info.body);
    }

    #[test]
    fn the_services_own_routes_come_after_the_shared_ones_and_unknown_paths_are_404() {
        assert_eq!(SERVICE.respond("GET", "/echo").body, r#"{"echo":true}"#);
        assert_eq!(SERVICE.respond("POST", "/nowhere").status, 404);
    }

    #[test]
    fn request_lines_are_parsed_without_their_query() {
        assert_eq!(
            parse_request_line("GET /info?x=1 HTTP/1.1\r\n"),
            Some(("GET", "/info"))
        );
        assert_eq!(parse_request_line("GET info HTTP/1.1"), None);
        assert_eq!(parse_request_line("nonsense"), None);
    }
}
