//! The agency console: records and letters, the professional directory, the emergency-access
//! review. The app of every `/agency…` path.

use frontend::pages::agency::AgencyPage;
use frontend::pages::not_found::NotFoundPage;
use frontend::{Area, Html, Pages, Route, html};

fn render(route: Route) -> Html {
    match route {
        Route::Agency => html! { <AgencyPage /> },
        _ => html! { <NotFoundPage /> },
    }
}

fn main() {
    frontend::start(Pages { area: Area::Agency, render });
}
