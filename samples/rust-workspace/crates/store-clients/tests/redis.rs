//! The RESP client against the real server of `REDIS_URL` (the IntegrationTests target's service container).

use store_clients::redis::{Connection, Error, Value};
use store_clients::{required_env, unique_suffix};

fn connect() -> Connection {
    Connection::connect(&required_env("REDIS_URL")).expect("connects to REDIS_URL")
}

/// A key no other test (or run of this one) uses: the server is shared.
fn key(name: &str) -> String {
    format!("store-clients-test:{name}:{}", unique_suffix())
}

#[test]
fn ping_answers_pong() {
    assert_eq!(
        connect().command(&["PING"]).unwrap(),
        Value::Status("PONG".into())
    );
}

#[test]
fn a_value_set_is_read_back_byte_for_byte_and_a_missing_key_is_nil() {
    let mut redis = connect();
    let key = key("set-get");
    let value: &[u8] = b"line one\r\nline two \xff";
    assert_eq!(
        redis
            .command(&[b"SET".as_slice(), key.as_bytes(), value])
            .unwrap(),
        Value::Status("OK".into())
    );
    assert_eq!(
        redis.command(&[b"GET".as_slice(), key.as_bytes()]).unwrap(),
        Value::Bulk(value.to_vec())
    );
    assert_eq!(redis.command(&["DEL", &key]).unwrap(), Value::Integer(1));
    assert_eq!(redis.command(&["GET", &key]).unwrap(), Value::Nil);
}

#[test]
fn lists_come_back_as_arrays_in_order() {
    let mut redis = connect();
    let key = key("list");
    assert_eq!(
        redis
            .command(&["RPUSH", &key, "a", "b", "c"])
            .unwrap()
            .as_integer(),
        Some(3)
    );
    let range = redis.command(&["LRANGE", &key, "0", "-1"]).unwrap();
    let items: Vec<&str> = match &range {
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
        other => panic!("not an array: {other:?}"),
    };
    assert_eq!(items, ["a", "b", "c"]);
    redis.command(&["DEL", &key]).unwrap();
}

#[test]
fn an_error_reply_is_an_error_and_the_connection_stays_usable() {
    let mut redis = connect();
    let key = key("wrongtype");
    redis.command(&["RPUSH", &key, "x"]).unwrap();
    match redis.command(&["INCR", &key]) {
        Err(Error::Server(message)) => assert!(message.starts_with("WRONGTYPE"), "{message}"),
        other => panic!("INCR on a list must fail: {other:?}"),
    }
    assert_eq!(redis.command(&["DEL", &key]).unwrap(), Value::Integer(1));
}
