//! The background worker: raises the priority of tickets that waited too long, so an old low
//! ticket is not starved by a stream of new high ones.

use ticket_core::{Priority, TicketQueue};

/// How long a ticket may wait at one priority before it is raised a step, in clock ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EscalationPolicy {
    pub wait_per_step: u64,
}

/// One change the worker made, for its log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Escalation {
    pub id: u64,
    pub from: Priority,
    pub to: Priority,
}

impl EscalationPolicy {
    /// The priority an open ticket should have after waiting `age` ticks at `initial`.
    pub fn priority_after(&self, initial: Priority, age: u64) -> Priority {
        let steps = age.checked_div(self.wait_per_step).unwrap_or(0);
        (0..steps.min(3)).fold(initial, |p, _| p.raised())
    }

    /// Raises every open ticket that waited long enough; returns what changed.
    pub fn run(&self, queue: &mut TicketQueue, now: u64) -> Vec<Escalation> {
        let due: Vec<(u64, Priority, Priority)> = queue
            .open_tickets()
            .map(|t| {
                (
                    t.id,
                    t.priority,
                    self.priority_after(t.priority, t.age(now)),
                )
            })
            .filter(|(_, from, to)| from != to)
            .collect();
        due.into_iter()
            .map(|(id, from, to)| {
                if let Ok(ticket) = queue.get_mut(id) {
                    ticket.priority = to;
                    // Restart the wait: the next step needs another full period at the new priority.
                    ticket.opened_at = now;
                }
                Escalation { id, from, to }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ticket_core::Status;

    const POLICY: EscalationPolicy = EscalationPolicy { wait_per_step: 10 };

    #[test]
    fn waiting_raises_one_step_per_period_up_to_urgent() {
        assert_eq!(POLICY.priority_after(Priority::Low, 9), Priority::Low);
        assert_eq!(POLICY.priority_after(Priority::Low, 10), Priority::Normal);
        assert_eq!(POLICY.priority_after(Priority::Low, 25), Priority::High);
        assert_eq!(POLICY.priority_after(Priority::Low, 500), Priority::Urgent);
    }

    #[test]
    fn a_zero_period_never_escalates() {
        let never = EscalationPolicy { wait_per_step: 0 };

        assert_eq!(never.priority_after(Priority::Low, 1_000), Priority::Low);
    }

    #[test]
    fn only_open_tickets_that_waited_are_raised() {
        let mut queue = TicketQueue::new();
        let old = queue.open("old printer", Priority::Low, 0).unwrap();
        let started = queue.open("started", Priority::Low, 0).unwrap();
        queue.open("fresh", Priority::Low, 15).unwrap();
        queue
            .get_mut(started)
            .unwrap()
            .transition(Status::InProgress)
            .unwrap();

        let changes = POLICY.run(&mut queue, 16);

        assert_eq!(
            changes,
            vec![Escalation {
                id: old,
                from: Priority::Low,
                to: Priority::Normal
            }]
        );
        assert_eq!(queue.get(old).unwrap().priority, Priority::Normal);
        assert_eq!(queue.get(started).unwrap().priority, Priority::Low);
    }
}
