//! The user directory against the real PostgreSQL of `DATABASE_URL` (the IntegrationTests target's
//! service container). Each test works in a schema of its own, so they run side by side.

use store_clients::postgres::{quote_identifier, Client};
use store_clients::{required_env, unique_suffix};
use user_service::directory::{Directory, RegisterError};

fn directory(test: &str) -> Directory {
    let mut db =
        Client::connect_url(&required_env("DATABASE_URL")).expect("connects to DATABASE_URL");
    let schema = quote_identifier(&format!("{test}_{}", unique_suffix())).unwrap();
    db.execute(&format!(
        "CREATE SCHEMA {schema}; SET search_path TO {schema}"
    ))
    .unwrap();
    Directory::open(db).expect("creates the users table")
}

#[test]
fn a_registered_user_is_found_by_address_in_any_case() {
    let mut users = directory("find");

    let ada = users.register("Ada@Example.org", "Ada Lovelace").unwrap();

    assert!(ada.id > 0);
    assert_eq!(ada.email, "ada@example.org");
    assert_eq!(users.find("ADA@example.ORG").unwrap(), Some(ada));
    assert_eq!(users.find("nobody@example.org").unwrap(), None);
    assert_eq!(users.count().unwrap(), 1);
}

#[test]
fn an_address_is_registered_once() {
    let mut users = directory("unique");
    users.register("grace@example.org", "Grace Hopper").unwrap();

    let again = users.register(" GRACE@example.org", "Someone Else");

    assert!(
        matches!(&again, Err(RegisterError::AlreadyRegistered(email)) if email == "grace@example.org"),
        "{again:?}"
    );
    assert_eq!(
        users.find("grace@example.org").unwrap().unwrap().name,
        "Grace Hopper"
    );
    assert_eq!(users.count().unwrap(), 1);
}

#[test]
fn names_with_quotes_are_stored_as_they_are_and_can_be_changed() {
    let mut users = directory("quotes");
    let name = "Miles O'Brien'); DROP TABLE users; --";
    let miles = users.register("miles@example.org", name).unwrap();
    assert_eq!(miles.name, name);

    assert!(users.rename(miles.id, "Keiko O'Brien").unwrap());
    assert!(!users.rename(miles.id + 1000, "Nobody").unwrap());

    assert_eq!(
        users.find("miles@example.org").unwrap().unwrap().name,
        "Keiko O'Brien"
    );
    assert_eq!(users.count().unwrap(), 1);
}

#[test]
fn an_empty_name_is_refused_by_the_table() {
    let mut users = directory("empty");

    let error = users.register("empty@example.org", "").unwrap_err();

    assert!(
        matches!(&error, RegisterError::Database(e) if e.code() == Some("23514")),
        "{error}"
    ); // check_violation
    assert_eq!(users.count().unwrap(), 0);
}
