//! The content service: posts and their revisions.

use service_kit::{Response, Service};

const SERVICE: Service = Service {
    name: "content-service",
    purpose: "posts and their revisions",
    routes,
};

fn routes(method: &str, path: &str) -> Option<Response> {
    match (method, path) {
        ("GET", "/posts") => Some(Response::json(200, r#"{"posts":[]}"#)),
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
        assert_eq!(SERVICE.respond("GET", "/posts").body, r#"{"posts":[]}"#);
        assert_eq!(SERVICE.respond("GET", "/health").status, 200);
        assert!(SERVICE
            .respond("GET", "/info")
            .body
            .contains("content-service"));
    }
}
