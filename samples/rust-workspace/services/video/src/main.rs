//! The video service: video transcoding jobs.

use service_kit::{Response, Service};

const SERVICE: Service = Service {
    name: "video-service",
    purpose: "video transcoding jobs",
    routes,
};

fn routes(method: &str, path: &str) -> Option<Response> {
    match (method, path) {
        ("GET", "/jobs") => Some(Response::json(200, r#"{"queued":0}"#)),
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
        assert_eq!(SERVICE.respond("GET", "/jobs").body, r#"{"queued":0}"#);
        assert_eq!(SERVICE.respond("GET", "/health").status, 200);
        assert!(SERVICE
            .respond("GET", "/info")
            .body
            .contains("video-service"));
    }
}
