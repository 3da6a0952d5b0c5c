//! Serves the user service (its routes are in the library, which the integration tests use too).

fn main() -> std::io::Result<()> {
    user_service::SERVICE.serve()
}
