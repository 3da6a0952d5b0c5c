//! Clients for the stores the services use, on the standard library alone (the workspace builds
//! offline, so no driver crate can be downloaded): PostgreSQL's simple query protocol and Redis's RESP.
//!
//! The services' integration tests find the servers in the variables Pipeline's service containers
//! hand to tests: `DATABASE_URL` (`postgres://user:password@host:port/database`) and `REDIS_URL`
//! (`host:port`).

pub mod postgres;
pub mod redis;

/// The value of the variable `name`, or a panic that says which target provides it: an integration
/// test without its server must fail, not pass by skipping.
pub fn required_env(name: &str) -> String {
    match std::env::var(name) {
        Ok(value) if !value.is_empty() => value,
        _ => panic!(
            "{name} is not set: run `./build.sh IntegrationTests`, which starts the PostgreSQL and Redis service containers"
        ),
    }
}

/// A suffix no other test, or earlier run, has (the process and the time): the servers are shared,
/// so each test names its keys, users and schemas with it.
pub fn unique_suffix() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{}_{nanos}", std::process::id())
}
