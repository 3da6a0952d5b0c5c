//! Support tickets: their priority, the states they move through, and a queue that hands out the
//! most urgent one first (oldest first within a priority).

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// How urgent a ticket is; a higher priority is served first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    Low,
    Normal,
    High,
    Urgent,
}

impl Priority {
    /// One step more urgent, for tickets that waited too long; `Urgent` stays `Urgent`.
    pub fn raised(self) -> Priority {
        match self {
            Priority::Low => Priority::Normal,
            Priority::Normal => Priority::High,
            Priority::High | Priority::Urgent => Priority::Urgent,
        }
    }
}

impl FromStr for Priority {
    type Err = TicketError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "low" => Ok(Priority::Low),
            "normal" => Ok(Priority::Normal),
            "high" => Ok(Priority::High),
            "urgent" => Ok(Priority::Urgent),
            other => Err(TicketError::UnknownPriority(other.to_string())),
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Priority::Low => "low",
            Priority::Normal => "normal",
            Priority::High => "high",
            Priority::Urgent => "urgent",
        };
        f.write_str(name)
    }
}

/// Where a ticket is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Open,
    InProgress,
    Resolved,
    Closed,
}

/// Why an operation on tickets was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TicketError {
    EmptyTitle,
    UnknownPriority(String),
    NotFound(u64),
    InvalidTransition { from: Status, to: Status },
}

impl fmt::Display for TicketError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TicketError::EmptyTitle => f.write_str("a ticket needs a title"),
            TicketError::UnknownPriority(p) => write!(f, "unknown priority '{p}'"),
            TicketError::NotFound(id) => write!(f, "no ticket #{id}"),
            TicketError::InvalidTransition { from, to } => {
                write!(f, "a ticket cannot go from {from:?} to {to:?}")
            }
        }
    }
}

impl std::error::Error for TicketError {}

/// One support request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    pub id: u64,
    pub title: String,
    pub priority: Priority,
    pub status: Status,
    /// When it was opened, in ticks of the caller's clock; ages are measured in the same unit.
    pub opened_at: u64,
}

impl Ticket {
    /// Moves the ticket to `to` when its workflow allows it (a closed ticket stays closed).
    pub fn transition(&mut self, to: Status) -> Result<(), TicketError> {
        let allowed = matches!(
            (self.status, to),
            (Status::Open, Status::InProgress)
                | (Status::InProgress, Status::Open)
                | (Status::InProgress, Status::Resolved)
                | (Status::Resolved, Status::InProgress)
                | (Status::Resolved, Status::Closed)
        );
        if allowed {
            self.status = to;
            Ok(())
        } else {
            Err(TicketError::InvalidTransition {
                from: self.status,
                to,
            })
        }
    }

    pub fn age(&self, now: u64) -> u64 {
        now.saturating_sub(self.opened_at)
    }
}

/// Open tickets by id; `next` gives the most urgent, oldest first within a priority.
#[derive(Debug, Default)]
pub struct TicketQueue {
    tickets: BTreeMap<u64, Ticket>,
    next_id: u64,
}

impl TicketQueue {
    pub fn new() -> Self {
        Self::default()
    }

    /// Opens a ticket and returns its id.
    pub fn open(&mut self, title: &str, priority: Priority, now: u64) -> Result<u64, TicketError> {
        let title = title.trim();
        if title.is_empty() {
            return Err(TicketError::EmptyTitle);
        }
        self.next_id += 1;
        let ticket = Ticket {
            id: self.next_id,
            title: title.to_string(),
            priority,
            status: Status::Open,
            opened_at: now,
        };
        self.tickets.insert(ticket.id, ticket);
        Ok(self.next_id)
    }

    pub fn get(&self, id: u64) -> Result<&Ticket, TicketError> {
        self.tickets.get(&id).ok_or(TicketError::NotFound(id))
    }

    pub fn get_mut(&mut self, id: u64) -> Result<&mut Ticket, TicketError> {
        self.tickets.get_mut(&id).ok_or(TicketError::NotFound(id))
    }

    /// The open ticket to work on next, without taking it.
    pub fn peek_next(&self) -> Option<&Ticket> {
        self.open_tickets().max_by(|a, b| {
            a.priority
                .cmp(&b.priority)
                .then(b.opened_at.cmp(&a.opened_at))
        })
    }

    pub fn open_tickets(&self) -> impl Iterator<Item = &Ticket> {
        self.tickets.values().filter(|t| t.status == Status::Open)
    }

    pub fn len(&self) -> usize {
        self.tickets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tickets.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_urgent_ticket_comes_first_and_the_oldest_within_a_priority() {
        let mut queue = TicketQueue::new();
        queue.open("printer jam", Priority::Normal, 1).unwrap();
        let old_high = queue.open("vpn down", Priority::High, 2).unwrap();
        queue.open("mail slow", Priority::High, 5).unwrap();

        assert_eq!(queue.peek_next().map(|t| t.id), Some(old_high));
    }

    #[test]
    fn tickets_being_worked_on_are_not_handed_out_again() {
        let mut queue = TicketQueue::new();
        let first = queue.open("a", Priority::Urgent, 1).unwrap();
        let second = queue.open("b", Priority::Low, 2).unwrap();
        queue
            .get_mut(first)
            .unwrap()
            .transition(Status::InProgress)
            .unwrap();

        assert_eq!(queue.peek_next().map(|t| t.id), Some(second));
    }

    #[test]
    fn a_closed_ticket_cannot_be_reopened() {
        let mut queue = TicketQueue::new();
        let id = queue.open("a", Priority::Low, 1).unwrap();
        let ticket = queue.get_mut(id).unwrap();
        ticket.transition(Status::InProgress).unwrap();
        ticket.transition(Status::Resolved).unwrap();
        ticket.transition(Status::Closed).unwrap();

        assert_eq!(
            ticket.transition(Status::Open),
            Err(TicketError::InvalidTransition {
                from: Status::Closed,
                to: Status::Open
            })
        );
    }

    #[test]
    fn an_empty_title_is_refused() {
        let mut queue = TicketQueue::new();

        assert_eq!(
            queue.open("   ", Priority::Low, 1),
            Err(TicketError::EmptyTitle)
        );
        assert!(queue.is_empty());
    }

    #[test]
    fn priorities_parse_and_print_and_raise_up_to_urgent() {
        assert_eq!("HIGH".parse::<Priority>(), Ok(Priority::High));
        assert_eq!(
            "soon".parse::<Priority>(),
            Err(TicketError::UnknownPriority("soon".into()))
        );
        assert_eq!(Priority::Low.raised().to_string(), "normal");
        assert_eq!(Priority::Urgent.raised(), Priority::Urgent);
    }
}
