//! The auth service: sessions and the tokens that prove them, kept in Redis ([`sessions`]).

use service_kit::{Response, Service};

pub mod sessions;

pub const SERVICE: Service = Service {
    name: "auth-service",
    purpose: "sessions and the tokens that prove them",
    routes,
};

fn routes(method: &str, path: &str) -> Option<Response> {
    match (method, path) {
        ("GET", "/sessions") => Some(Response::json(200, r#"{"active":0}"#)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_answers_its_own_route_and_the_shared_ones() {
        assert_eq!(SERVICE.respond("GET", "/sessions").body, r#"{"active":0}"#);
        assert_eq!(SERVICE.respond("GET", "/health").status, 200);
        assert!(SERVICE
            .respond("GET", "/info")
            .body
            .contains("auth-service"));
    }
}
