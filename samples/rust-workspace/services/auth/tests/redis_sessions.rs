//! Sessions against the real Redis of `REDIS_URL` (the IntegrationTests target's service container).

use std::time::Duration;

use auth_service::sessions::Sessions;
use store_clients::redis::Connection;
use store_clients::{required_env, unique_suffix};

fn sessions(lifetime: Duration) -> Sessions {
    Sessions::new(
        Connection::connect(&required_env("REDIS_URL")).expect("connects to REDIS_URL"),
        lifetime,
    )
}

/// A user no other test, or earlier run, has: the server is shared.
fn user(name: &str) -> String {
    format!("{name}-{}", unique_suffix())
}

#[test]
fn an_open_session_names_its_user_until_it_is_closed() {
    let mut sessions = sessions(Duration::from_secs(600));
    let ada = user("ada");

    let token = sessions.open(&ada).unwrap();

    assert_eq!(token.len(), 32);
    assert_eq!(
        sessions.user_of(&token).unwrap().as_deref(),
        Some(ada.as_str())
    );
    assert!(sessions.close(&token).unwrap());
    assert_eq!(sessions.user_of(&token).unwrap(), None);
    assert!(
        !sessions.close(&token).unwrap(),
        "a closed session cannot be closed again"
    );
}

#[test]
fn a_session_expires_after_its_lifetime() {
    let mut sessions = sessions(Duration::from_secs(1));
    let token = sessions.open(&user("brief")).unwrap();

    let remaining = sessions
        .remaining(&token)
        .unwrap()
        .expect("the session has a lifetime");
    assert!(remaining <= Duration::from_secs(1), "{remaining:?}");

    std::thread::sleep(Duration::from_millis(2100));
    assert_eq!(sessions.user_of(&token).unwrap(), None);
    assert_eq!(sessions.remaining(&token).unwrap(), None);
}

#[test]
fn signing_out_everywhere_closes_only_that_users_sessions() {
    let mut sessions = sessions(Duration::from_secs(600));
    let (grace, linus) = (user("grace"), user("linus"));
    let phone = sessions.open(&grace).unwrap();
    let laptop = sessions.open(&grace).unwrap();
    let other = sessions.open(&linus).unwrap();
    assert_ne!(phone, laptop);

    assert_eq!(sessions.close_all(&grace).unwrap(), 2);

    assert_eq!(sessions.user_of(&phone).unwrap(), None);
    assert_eq!(sessions.user_of(&laptop).unwrap(), None);
    assert_eq!(
        sessions.user_of(&other).unwrap().as_deref(),
        Some(linus.as_str())
    );
    assert_eq!(sessions.close_all(&grace).unwrap(), 0);
    sessions.close(&other).unwrap();
}
