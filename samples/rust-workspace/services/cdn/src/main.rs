//! The cdn service: cache purges at the edge.

use service_kit::{Response, Service};

const SERVICE: Service = Service {
    name: "cdn-service",
    purpose: "cache purges at the edge",
    routes,
};

fn routes(method: &str, path: &str) -> Option<Response> {
    match (method, path) {
        ("GET", "/purges") => Some(Response::json(200, r#"{"purges":[]}"#)),
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
        assert_eq!(SERVICE.respond("GET", "/purges").body, r#"{"purges":[]}"#);
        assert_eq!(SERVICE.respond("GET", "/health").status, 200);
        assert!(SERVICE.respond("GET", "/info").body.contains("cdn-service"));
    }
}
