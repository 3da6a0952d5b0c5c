//! The ticket service's request handling: a small text protocol (`OPEN high printer jam`,
//! `GET 3`, `START 3`, `NEXT`) answered with a status code and a body, over a shared queue.

use ticket_core::{Priority, Status, TicketError, TicketQueue};

/// An answer to one request: an HTTP-like status and a one-line body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub body: String,
}

impl Response {
    fn ok(body: impl Into<String>) -> Self {
        Response {
            status: 200,
            body: body.into(),
        }
    }

    fn error(error: &TicketError) -> Self {
        let status = match error {
            TicketError::NotFound(_) => 404,
            TicketError::InvalidTransition { .. } => 409,
            TicketError::EmptyTitle | TicketError::UnknownPriority(_) => 400,
        };
        Response {
            status,
            body: error.to_string(),
        }
    }

    fn bad_request(body: impl Into<String>) -> Self {
        Response {
            status: 400,
            body: body.into(),
        }
    }
}

/// The service: a queue and a clock the caller advances (so tests need no real time).
#[derive(Debug, Default)]
pub struct Api {
    queue: TicketQueue,
    now: u64,
}

impl Api {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn tick(&mut self, ticks: u64) {
        self.now += ticks;
    }

    pub fn queue(&self) -> &TicketQueue {
        &self.queue
    }

    pub fn queue_mut(&mut self) -> &mut TicketQueue {
        &mut self.queue
    }

    /// Handles one request line.
    pub fn handle(&mut self, request: &str) -> Response {
        let mut words = request.split_whitespace();
        let verb = words.next().unwrap_or_default().to_ascii_uppercase();
        let rest: Vec<&str> = words.collect();
        let result = match verb.as_str() {
            "OPEN" => self.open(&rest),
            "GET" => self.with_id(&rest, |api, id| {
                let t = api.queue.get(id)?;
                Ok(format!(
                    "#{} [{}] {:?} {}",
                    t.id, t.priority, t.status, t.title
                ))
            }),
            "START" => self.move_to(&rest, Status::InProgress),
            "RESOLVE" => self.move_to(&rest, Status::Resolved),
            "CLOSE" => self.move_to(&rest, Status::Closed),
            "NEXT" => Ok(match self.queue.peek_next() {
                Some(t) => format!("#{} {}", t.id, t.title),
                None => "queue empty".to_string(),
            }),
            "" => return Response::bad_request("empty request"),
            other => return Response::bad_request(format!("unknown request '{other}'")),
        };
        match result {
            Ok(body) => Response::ok(body),
            Err(error) => Response::error(&error),
        }
    }

    fn open(&mut self, words: &[&str]) -> Result<String, TicketError> {
        let (priority, title) = match words.split_first() {
            Some((first, rest)) => (first.parse::<Priority>()?, rest.join(" ")),
            None => return Err(TicketError::EmptyTitle),
        };
        let id = self.queue.open(&title, priority, self.now)?;
        Ok(format!("opened #{id}"))
    }

    fn move_to(&mut self, words: &[&str], to: Status) -> Result<String, TicketError> {
        self.with_id(words, |api, id| {
            api.queue.get_mut(id)?.transition(to)?;
            Ok(format!("#{id} is {to:?}"))
        })
    }

    fn with_id(
        &mut self,
        words: &[&str],
        action: impl FnOnce(&mut Self, u64) -> Result<String, TicketError>,
    ) -> Result<String, TicketError> {
        let id = words
            .first()
            .and_then(|w| w.trim_start_matches('#').parse::<u64>().ok())
            .unwrap_or(0);
        action(self, id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_is_opened_read_and_worked_through_to_closed() {
        let mut api = Api::new();

        assert_eq!(api.handle("OPEN high vpn is down").body, "opened #1");
        assert_eq!(api.handle("GET 1").body, "#1 [high] Open vpn is down");
        assert_eq!(api.handle("START 1").status, 200);
        assert_eq!(api.handle("RESOLVE #1").status, 200);
        assert_eq!(api.handle("CLOSE 1").body, "#1 is Closed");
    }

    #[test]
    fn errors_map_to_statuses() {
        let mut api = Api::new();

        assert_eq!(api.handle("GET 42").status, 404);
        assert_eq!(api.handle("OPEN someday printer").status, 400);
        assert_eq!(api.handle("OPEN low").status, 400);
        api.handle("OPEN low printer");
        assert_eq!(api.handle("CLOSE 1").status, 409);
        assert_eq!(api.handle("DANCE").body, "unknown request 'DANCE'");
    }

    #[test]
    fn next_names_the_most_urgent_open_ticket() {
        let mut api = Api::new();
        assert_eq!(api.handle("NEXT").body, "queue empty");
        api.handle("OPEN low printer");
        api.tick(1);
        api.handle("OPEN urgent payroll run failed");

        assert_eq!(api.handle("NEXT").body, "#2 payroll run failed");
    }
}
