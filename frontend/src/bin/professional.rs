//! The professionals' app: their portal (finding a patient, connection codes, admissions,
//! emergency access) and the records they open. The app of every `/professional…` path.

use frontend::pages::not_found::NotFoundPage;
use frontend::pages::professional::ProfessionalPage;
use frontend::pages::record::RecordPage;
use frontend::pages::software::{ConnectPage, ConnectedSoftwarePage, DevicePage};
use frontend::pages::worklist::WorklistPage;
use frontend::{Area, Html, Pages, Route, html};

fn render(route: Route) -> Html {
    match route {
        Route::Professional => html! { <ProfessionalPage /> },
        Route::ProfessionalRecord { patient_id } => html! { <RecordPage {patient_id} /> },
        Route::ProfessionalWorklist => html! { <WorklistPage /> },
        Route::ProfessionalConnect => html! { <ConnectPage /> },
        Route::ProfessionalDevice => html! { <DevicePage /> },
        Route::ProfessionalSoftware => html! { <ConnectedSoftwarePage /> },
        _ => html! { <NotFoundPage /> },
    }
}

fn main() {
    frontend::start(Pages { area: Area::Professional, render });
}
