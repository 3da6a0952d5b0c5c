//! The user service: profiles and account settings, kept in PostgreSQL ([`directory`]).

use service_kit::{Response, Service};

pub mod directory;

pub const SERVICE: Service = Service {
    name: "user-service",
    purpose: "profiles and account settings",
    routes,
};

fn routes(method: &str, path: &str) -> Option<Response> {
    match (method, path) {
        ("GET", "/users") => Some(Response::json(200, r#"{"users":[]}"#)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_answers_its_own_route_and_the_shared_ones() {
        assert_eq!(SERVICE.respond("GET", "/users").body, r#"{"users":[]}"#);
        assert_eq!(SERVICE.respond("GET", "/health").status, 200);
        assert!(SERVICE
            .respond("GET", "/info")
            .body
            .contains("user-service"));
    }
}
