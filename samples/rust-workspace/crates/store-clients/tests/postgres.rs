//! The PostgreSQL client against the real server of `DATABASE_URL` (the IntegrationTests target's
//! service container).

use store_clients::postgres::{quote_literal, Client, Config};
use store_clients::required_env;

fn connect() -> Client {
    Client::connect_url(&required_env("DATABASE_URL")).expect("connects to DATABASE_URL")
}

#[test]
fn it_authenticates_and_reads_a_row_of_text_values_and_null() {
    let mut client = connect();
    let rows = client
        .query("SELECT 1 + 1 AS two, 'x' || 'y', NULL::text")
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].get(0), rows[0].get(1), rows[0].get(2)),
        (Some("2"), Some("xy"), None)
    );
    assert!(client.parameter("server_version").is_some());
    client.close().unwrap();
}

#[test]
fn several_statements_give_a_result_each_with_its_tag_and_columns() {
    let mut client = connect();
    let results = client
        .simple_query(
            "CREATE TEMPORARY TABLE numbers (n int); INSERT INTO numbers VALUES (1), (2), (3); SELECT n FROM numbers WHERE n > 1 ORDER BY n",
        )
        .unwrap();
    let tags: Vec<&str> = results.iter().map(|r| r.tag.as_str()).collect();
    assert_eq!(tags, ["CREATE TABLE", "INSERT 0 3", "SELECT 2"]);
    assert_eq!(results[2].columns, ["n"]);
    let values: Vec<Option<&str>> = results[2].rows.iter().map(|r| r.get(0)).collect();
    assert_eq!(values, [Some("2"), Some("3")]);
}

#[test]
fn a_server_error_carries_its_sqlstate_and_the_session_stays_usable() {
    let mut client = connect();
    let error = client.query("SELECT * FROM no_such_table").unwrap_err();
    assert_eq!(error.code(), Some("42P01"), "{error}"); // undefined_table
    assert_eq!(
        client.query("SELECT 'still here'").unwrap()[0].get(0),
        Some("still here")
    );
}

#[test]
fn quoted_literals_round_trip_quotes_backslashes_and_unicode() {
    let mut client = connect();
    let tricky = r"O'Brien \n ''; DROP TABLE x; -- é 🦀";
    let rows = client
        .query(&format!("SELECT {}", quote_literal(tricky).unwrap()))
        .unwrap();
    assert_eq!(rows[0].get(0), Some(tricky));
}

#[test]
fn a_wrong_password_is_refused_by_the_server() {
    let mut config = Config::from_url(&required_env("DATABASE_URL")).unwrap();
    config.password = Some("not-the-password".into());
    let error = Client::connect(&config)
        .err()
        .expect("the server refuses a wrong password");
    assert_eq!(error.code(), Some("28P01"), "{error}"); // invalid_password
}
