//! The portal: what DSP is, the patient's pages, sign-in, activation, enrolment, security. The
//! app of `/` and of every path that is not the professionals' or the agency's.

use frontend::pages::access::AccessPage;
use frontend::pages::activate::ActivatePage;
use frontend::pages::enrol::EnrolPage;
use frontend::pages::history::HistoryPage;
use frontend::pages::home::HomePage;
use frontend::pages::not_found::NotFoundPage;
use frontend::pages::opening::OpenPage;
use frontend::pages::patient::PatientPage;
use frontend::pages::patient_documents::PatientDocumentsPage;
use frontend::pages::security::SecurityPage;
use frontend::pages::sign_in::SignInPage;
use frontend::{Area, Html, Pages, Route, html};

fn render(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Patient => html! { <PatientPage /> },
        Route::PatientHistory => html! { <HistoryPage /> },
        Route::PatientAccess => html! { <AccessPage /> },
        Route::PatientDocuments => html! { <PatientDocumentsPage /> },
        Route::SignIn => html! { <SignInPage /> },
        Route::Activate => html! { <ActivatePage /> },
        Route::Open => html! { <OpenPage /> },
        Route::Enrol => html! { <EnrolPage /> },
        Route::Security => html! { <SecurityPage /> },
        Route::NotFound
        | Route::Professional
        | Route::ProfessionalRecord { .. }
        | Route::ProfessionalWorklist
        | Route::ProfessionalConnect
        | Route::ProfessionalDevice
        | Route::ProfessionalSoftware
        | Route::PatientPersonalSpace
        | Route::PatientRecordLife
        | Route::Agency => html! { <NotFoundPage /> },
    }
}

fn main() {
    frontend::start(Pages { area: Area::Portal, render });
}
