//! Serves the auth service (its routes are in the library, which the integration tests use too).

fn main() -> std::io::Result<()> {
    auth_service::SERVICE.serve()
}
