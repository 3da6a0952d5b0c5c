//! The streaming service: live streams and their viewers.

use service_kit::{Response, Service};

const SERVICE: Service = Service {
    name: "streaming-service",
    purpose: "live streams and their viewers",
    routes,
};

fn routes(method: &str, path: &str) -> Option<Response> {
    match (method, path) {
        ("GET", "/streams") => Some(Response::json(200, r#"{"live":[]}"#)),
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
        assert_eq!(SERVICE.respond("GET", "/streams").body, r#"{"live":[]}"#);
        assert_eq!(SERVICE.respond("GET", "/health").status, 200);
        assert!(SERVICE
            .respond("GET", "/info")
            .body
            .contains("streaming-service"));
    }
}
