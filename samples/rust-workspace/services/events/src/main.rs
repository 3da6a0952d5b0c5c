//! The events service: the audit and analytics event log.

use service_kit::{Response, Service};

const SERVICE: Service = Service {
    name: "events-service",
    purpose: "the audit and analytics event log",
    routes,
};

fn routes(method: &str, path: &str) -> Option<Response> {
    match (method, path) {
        ("GET", "/events") => Some(Response::json(200, r#"{"events":[]}"#)),
        _ => None,
    }
}

fn main() -> std::io::Result<()> {
    SERVICE.serve()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_answers_its_own_route_and_the_shared_ones() {
        assert_eq!(SERVICE.respond("GET", "/events").body, r#"{"events":[]}"#);
        assert_eq!(SERVICE.respond("GET", "/health").status, 200);
        assert!(SERVICE
            .respond("GET", "/info")
            .body
            .contains("events-service"));
    }
}
