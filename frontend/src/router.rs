//! Client-side navigation with the History API: the browser's location as a Yew context, and a
//! navigator that pushes a new entry. The routes themselves ([`Route`], path ↔ route) are in
//! `crate::app`. A route of another of the apps ([`Area`]) is loaded as a new page: each
//! app holds only its own pages.
//!
//! A few lines instead of `yew-router`, whose route recogniser, history abstractions (memory and
//! hash histories included) and query serialiser weighed more than several pages of the app.

use yew::prelude::*;

use crate::app::{Area, Route};
use crate::browser;

/// Where the app is: the path, the query (`?expired=1`) and the fragment (`#code=…`), each with
/// its leading character.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    path: String,
    query: String,
    hash: String,
}

impl Location {
    /// The browser's current location.
    fn current() -> Self {
        let (path, query, hash) = browser::location();
        Self { path, query, hash }
    }

    /// The path (`/patient/history`).
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query with its `?`, or empty.
    #[must_use]
    pub fn query_str(&self) -> &str {
        &self.query
    }

    /// The fragment with its `#`, or empty.
    #[must_use]
    pub fn hash(&self) -> &str {
        &self.hash
    }
}

/// Goes to other routes: a new history entry, then every consumer of the location re-renders.
#[derive(Debug, Clone, PartialEq)]
pub struct Navigator {
    moved: Callback<()>,
    area: Area,
}

impl Navigator {
    /// Goes to `to`.
    pub fn push(&self, to: &Route) {
        self.go(to, &to.to_path());
    }

    /// Goes to `to` with a query (`?name=value&…`, values percent-encoded).
    pub fn push_with_query(&self, to: &Route, query: &[(&str, &str)]) {
        self.go(to, &with_query(&to.to_path(), query));
    }

    /// Whether `to` belongs to another app (a link there is a plain page load).
    #[must_use]
    pub fn leaves_app(&self, to: &Route) -> bool {
        !self.area.owns(*to)
    }

    fn go(&self, to: &Route, url: &str) {
        if self.leaves_app(to) {
            browser::assign_url(url);
        } else {
            browser::push_url(url);
            self.moved.emit(());
        }
    }
}

/// `path?name=value&…` with names and values percent-encoded; `path` alone without pairs.
#[must_use]
pub fn with_query(path: &str, pairs: &[(&str, &str)]) -> String {
    let mut url = path.to_owned();
    for (at, (name, value)) in pairs.iter().enumerate() {
        url.push(if at == 0 { '?' } else { '&' });
        url.push_str(&encode(name));
        url.push('=');
        url.push_str(&encode(value));
    }
    url
}

/// Percent-encodes all but the unreserved characters of RFC 3986.
#[must_use]
pub fn encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            for digit in [byte >> 4, byte & 0xF] {
                out.push(char::from(if digit < 10 { b'0' + digit } else { b'A' + digit - 10 }));
            }
        }
    }
    out
}

/// The location and the navigator, provided together by [`Router`].
#[derive(Debug, Clone, PartialEq)]
struct RouterContext {
    location: Location,
    navigator: Navigator,
}

/// Props of [`Router`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct RouterProps {
    /// The app this router serves.
    pub area: Area,
    /// Everything that reads the location or navigates.
    pub children: Html,
}

/// Follows the browser's location (links of the app, back and forward buttons) and provides it.
#[component]
pub fn Router(props: &RouterProps) -> Html {
    let location = use_state(Location::current);
    let moved = {
        let location = location.setter();
        use_callback((), move |(), ()| location.set(Location::current()))
    };
    {
        let moved = moved.clone();
        use_effect_with((), move |()| {
            let listener = browser::WindowListener::new("popstate", move || moved.emit(()));
            move || drop(listener)
        });
    }
    let navigator = Navigator { moved, area: props.area };
    let context = RouterContext { location: (*location).clone(), navigator };
    html! {
        <ContextProvider<RouterContext> {context}>
            { props.children.clone() }
        </ContextProvider<RouterContext>>
    }
}

/// The navigator (`None` outside a [`Router`]).
#[hook]
pub fn use_navigator() -> Option<Navigator> {
    use_context::<RouterContext>().map(|context| context.navigator)
}

/// The location (`None` outside a [`Router`]).
#[hook]
pub fn use_location() -> Option<Location> {
    use_context::<RouterContext>().map(|context| context.location)
}

/// The route of the location (`None` outside a [`Router`]).
#[hook]
pub fn use_route() -> Option<Route> {
    use_location().map(|location| Route::recognize(location.path()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_percent_encoded() {
        assert_eq!(with_query("/sign-in", &[]), "/sign-in");
        assert_eq!(with_query("/sign-in", &[("expired", "1")]), "/sign-in?expired=1");
        assert_eq!(
            with_query("/a", &[("q", "Émile & co"), ("x", "1/2")]),
            "/a?q=%C3%89mile%20%26%20co&x=1%2F2"
        );
    }
}
