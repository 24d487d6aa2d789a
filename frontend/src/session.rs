//! Who is signed in, as a Yew context: the provider asks the server once at start
//! (`GET /api/auth/session`), pages read it with [`use_session`] and update it after a sign-in
//! or sign-out. The session itself is the server's HttpOnly cookie; nothing is stored here
//! beyond what the server said.
//!
//! When the first answer or any later API call says `session_expired`, the provider forgets the
//! person and sends them to `/sign-in?expired=1` (from the first answer, only from a page that
//! needs a session: a page of one app whose session ended while the person was in another).

use shared::ApiErrorCode;
use shared::api::auth::{Role, SessionInfo};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiFailure};
use crate::app::Route;
use crate::router::{use_navigator, use_route};

/// What the app knows about the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionState {
    /// The first answer has not arrived.
    Checking,
    /// Nobody is signed in; `expired` when a session just ended on its own.
    SignedOut {
        /// The server said `session_expired`.
        expired: bool,
    },
    /// Signed in.
    SignedIn(SessionInfo),
}

impl SessionState {
    /// The state after the session probe answered.
    #[must_use]
    pub fn from_probe(result: Result<SessionInfo, ApiFailure>) -> Self {
        match result {
            Ok(info) => Self::SignedIn(info),
            Err(failure) => Self::SignedOut { expired: failure.is(ApiErrorCode::SessionExpired) },
        }
    }
}

/// The session context: its state and the way to change it.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    state: SessionState,
    set: UseStateSetter<SessionState>,
}

impl Session {
    /// The state.
    #[must_use]
    pub const fn state(&self) -> &SessionState {
        &self.state
    }

    /// The signed-in person, if any.
    #[must_use]
    pub const fn info(&self) -> Option<&SessionInfo> {
        match &self.state {
            SessionState::SignedIn(info) => Some(info),
            _ => None,
        }
    }

    /// The signed-in person if they have `role`.
    #[must_use]
    pub fn as_role(&self, role: Role) -> Option<&SessionInfo> {
        self.info().filter(|info| info.role == role)
    }

    /// Whether the first answer is still awaited.
    #[must_use]
    pub const fn is_checking(&self) -> bool {
        matches!(self.state, SessionState::Checking)
    }

    /// Records a successful sign-in, activation or enrolment.
    pub fn signed_in(&self, info: SessionInfo) {
        self.set.set(SessionState::SignedIn(info));
    }

    /// Records a sign-out.
    pub fn signed_out(&self) {
        self.set.set(SessionState::SignedOut { expired: false });
    }
}

/// The page each role lands on after signing in.
#[must_use]
pub const fn home_of(role: Role) -> Route {
    match role {
        Role::Patient => Route::Patient,
        Role::Professional => Route::Professional,
        Role::Agent => Route::Agency,
    }
}

/// The app's session context (signed out without a provider).
#[hook]
pub fn use_session() -> Session {
    let fallback = use_state(|| SessionState::SignedOut { expired: false });
    use_context::<Session>()
        .unwrap_or_else(|| Session { state: (*fallback).clone(), set: fallback.setter() })
}

/// Props of [`SessionProvider`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct SessionProviderProps {
    /// Everything that reads the session.
    pub children: Html,
}

/// Asks the server who is signed in and provides the answer. Must sit inside the router.
#[component]
pub fn SessionProvider(props: &SessionProviderProps) -> Html {
    let state = use_state(|| SessionState::Checking);
    let navigator = use_navigator();
    let route = use_route();
    {
        let setter = state.setter();
        let navigator = navigator.clone();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let probed = SessionState::from_probe(api::auth::session().await);
                let ended = probed == SessionState::SignedOut { expired: true };
                setter.set(probed);
                if ended
                    && route.is_some_and(|r| !r.is_public())
                    && let Some(navigator) = &navigator
                {
                    navigator.push_with_query(&Route::SignIn, &[("expired", "1")]);
                }
            });
        });
    }
    {
        let setter = state.setter();
        use_effect_with(navigator, move |navigator| {
            let navigator = navigator.clone();
            api::on_session_expired(Callback::from(move |()| {
                setter.set(SessionState::SignedOut { expired: true });
                if let Some(navigator) = &navigator {
                    navigator.push_with_query(&Route::SignIn, &[("expired", "1")]);
                }
            }));
        });
    }
    let session = Session { state: (*state).clone(), set: state.setter() };
    html! {
        <ContextProvider<Session> context={session}>
            { props.children.clone() }
        </ContextProvider<Session>>
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};
    use shared::ApiError;
    use uuid::Uuid;

    use super::*;

    fn info(role: Role) -> SessionInfo {
        SessionInfo {
            role,
            subject_id: Uuid::nil(),
            display_name: "Marie Muller".into(),
            profession: None,
            preferred_language: None,
            idle_timeout_seconds: 900,
            expires_at: DateTime::<Utc>::MIN_UTC,
        }
    }

    #[test]
    fn the_probe_tells_signed_in_signed_out_and_expired_apart() {
        assert_eq!(
            SessionState::from_probe(Ok(info(Role::Agent))),
            SessionState::SignedIn(info(Role::Agent))
        );
        let expired = ApiFailure::Api(ApiError::new(ApiErrorCode::SessionExpired, "r"));
        assert_eq!(
            SessionState::from_probe(Err(expired)),
            SessionState::SignedOut { expired: true }
        );
        let anonymous = ApiFailure::Api(ApiError::new(ApiErrorCode::Unauthenticated, "r"));
        assert_eq!(
            SessionState::from_probe(Err(anonymous)),
            SessionState::SignedOut { expired: false }
        );
        assert_eq!(
            SessionState::from_probe(Err(ApiFailure::Network)),
            SessionState::SignedOut { expired: false }
        );
    }

    #[test]
    fn each_role_has_its_home() {
        assert_eq!(home_of(Role::Patient), Route::Patient);
        assert_eq!(home_of(Role::Professional), Route::Professional);
        assert_eq!(home_of(Role::Agent), Route::Agency);
    }
}
