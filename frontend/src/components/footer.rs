//! The site footer: today's date in the chosen language and the server's state. The server's
//! details (database engine, migration) are for agents; anyone else reads only that the service
//! is unavailable, when it is.

use chrono::NaiveDate;
use shared::api::health::HealthResponse;
use yew::prelude::*;

use crate::api::Remote;
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, messages};

/// Props of [`Footer`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct FooterProps {
    /// Today, in the browser's time zone.
    pub today: NaiveDate,
    /// The answer of `GET /api/health`.
    pub health: Remote<HealthResponse>,
    /// Whether the reader is an agent, who sees the server's details.
    #[prop_or_default]
    pub details: bool,
}

/// See the module documentation.
#[component]
pub fn Footer(props: &FooterProps) -> Html {
    let i18n = use_i18n();
    let state = match &props.health {
        Remote::Loading => "checking",
        Remote::Ready(health) if health.status == "ok" => "online",
        Remote::Ready(_) | Remote::Failed(_) => "problem",
    };
    let today = i18n.t_args("footer-today", [("date", Arg::from(i18n.date(props.today)))]);
    html! {
        <footer class="site-footer">
            <div class="footer-inner">
                <p id="today">{ today }</p>
                if props.details {
                    <p id="server-status" class="server-status" data-state={state} role="status">
                        { messages::server_status(&i18n, &props.health) }
                    </p>
                } else if state == "problem" {
                    <p id="server-status" class="server-status" data-state={state} role="status">
                        { i18n.t("error-unavailable") }
                    </p>
                }
            </div>
        </footer>
    }
}
