//! A link to a client route: a real `<a href>` (middle-click and "open in new tab" work) that
//! navigates inside the app on a plain click (a route of another app loads as a new page), and can
//! mark itself as the current page.

use web_sys::MouseEvent;
use yew::prelude::*;

use crate::app::Route;
use crate::router::use_navigator;

/// Props of [`RouteLink`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct RouteLinkProps {
    /// Where the link goes.
    pub to: Route,
    /// Whether this is the page being shown (`aria-current="page"`).
    #[prop_or_default]
    pub current: bool,
    /// CSS classes of the `<a>`.
    #[prop_or_default]
    pub class: Classes,
    /// The link's content.
    #[prop_or_default]
    pub children: Html,
}

/// See the module documentation.
#[component]
pub fn RouteLink(props: &RouteLinkProps) -> Html {
    let navigator = use_navigator();
    let onclick = {
        let to = props.to;
        Callback::from(move |event: MouseEvent| {
            let modified =
                event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
            if event.button() != 0 || modified {
                return;
            }
            if let Some(navigator) = navigator.as_ref().filter(|n| !n.leaves_app(&to)) {
                event.prevent_default();
                navigator.push(&to);
            }
        })
    };
    html! {
        <a
            href={props.to.to_path()}
            class={props.class.clone()}
            aria-current={props.current.then_some("page")}
            {onclick}
        >
            { props.children.clone() }
        </a>
    }
}
