//! The messaging service: direct messages between users.

use service_kit::{Response, Service};

const SERVICE: Service = Service {
    name: "messaging-service",
    purpose: "direct messages between users",
    routes,
};

fn routes(method: &str, path: &str) -> Option<Response> {
    match (method, path) {
        ("GET", "/conversations") => Some(Response::json(200, r#"{"conversations":[]}"#)),
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
        assert_eq!(
            SERVICE.respond("GET", "/conversations").body,
            r#"{"conversations":[]}"#
        );
        assert_eq!(SERVICE.respond("GET", "/health").status, 200);
        assert!(SERVICE
            .respond("GET", "/info")
            .body
            .contains("messaging-service"));
    }
}
