//! The search service: full-text search over posts and users.

use service_kit::{Response, Service};

const SERVICE: Service = Service {
    name: "search-service",
    purpose: "full-text search over posts and users",
    routes,
};

fn routes(method: &str, path: &str) -> Option<Response> {
    match (method, path) {
        ("GET", "/search") => Some(Response::json(200, r#"{"hits":[]}"#)),
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
        assert_eq!(SERVICE.respond("GET", "/search").body, r#"{"hits":[]}"#);
        assert_eq!(SERVICE.respond("GET", "/health").status, 200);
        assert!(SERVICE
            .respond("GET", "/info")
            .body
            .contains("search-service"));
    }
}
