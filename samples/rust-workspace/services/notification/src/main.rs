//! The notification service: push and e-mail notifications.

use service_kit::{Response, Service};

const SERVICE: Service = Service {
    name: "notification-service",
    purpose: "push and e-mail notifications",
    routes,
};

fn routes(method: &str, path: &str) -> Option<Response> {
    match (method, path) {
        ("GET", "/notifications") => Some(Response::json(200, r#"{"pending":0}"#)),
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
            SERVICE.respond("GET", "/notifications").body,
            r#"{"pending":0}"#
        );
        assert_eq!(SERVICE.respond("GET", "/health").status, 200);
        assert!(SERVICE
            .respond("GET", "/info")
            .body
            .contains("notification-service"));
    }
}
