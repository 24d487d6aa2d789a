//! The patient's personal space (`/patient/personal-space`): their notes and own documents,
//! organ-donation wishes and advance directives; and their record's state, where they close it
//! (`/patient/record`). Its own app, so that the portal stays within
//! its size goal; links to the portal's pages load the portal.

use frontend::pages::life::RecordLifePage;
use frontend::pages::not_found::NotFoundPage;
use frontend::pages::personal_space::PersonalSpacePage;
use frontend::{Area, Html, Pages, Route, html};

fn render(route: Route) -> Html {
    match route {
        Route::PatientPersonalSpace => html! { <PersonalSpacePage /> },
        Route::PatientRecordLife => html! { <RecordLifePage /> },
        _ => html! { <NotFoundPage /> },
    }
}

fn main() {
    frontend::start(Pages { area: Area::Personal, render });
}
