//! The feed service: each user's timeline.

use service_kit::{Response, Service};

const SERVICE: Service = Service {
    name: "feed-service",
    purpose: "each user's timeline",
    routes,
};

fn routes(method: &str, path: &str) -> Option<Response> {
    match (method, path) {
        ("GET", "/feed") => Some(Response::json(200, r#"{"items":[]}"#)),
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
        assert_eq!(SERVICE.respond("GET", "/feed").body, r#"{"items":[]}"#);
        assert_eq!(SERVICE.respond("GET", "/health").status, 200);
        assert!(SERVICE
            .respond("GET", "/info")
            .body
            .contains("feed-service"));
    }
}
