//! The media service: uploaded images and their thumbnails.

use service_kit::{Response, Service};

const SERVICE: Service = Service {
    name: "media-service",
    purpose: "uploaded images and their thumbnails",
    routes,
};

fn routes(method: &str, path: &str) -> Option<Response> {
    match (method, path) {
        ("GET", "/media") => Some(Response::json(200, r#"{"files":[]}"#)),
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
        assert_eq!(SERVICE.respond("GET", "/media").body, r#"{"files":[]}"#);
        assert_eq!(SERVICE.respond("GET", "/health").status, 200);
        assert!(SERVICE
            .respond("GET", "/info")
            .body
            .contains("media-service"));
    }
}
