//! The app: client routes, the language state and its context, the session context, and the
//! shell (skip link, header, main landmark, footer) around the routed page. The shell fetches the
//! server's health for the footer and signs out; pages fetch their own data.

use shared::Language;
use shared::api::health::HealthResponse;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, Remote};
use crate::browser;
use crate::components::footer::Footer;
use crate::components::header::{Account, Header};
use crate::i18n::choice;
use crate::i18n::context::{I18n, use_i18n};
use crate::pages::access::AccessPage;
use crate::pages::activate::ActivatePage;
use crate::pages::agency::AgencyPage;
use crate::pages::enrol::EnrolPage;
use crate::pages::history::HistoryPage;
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::patient::PatientPage;
use crate::pages::patient_documents::PatientDocumentsPage;
use crate::pages::professional::ProfessionalPage;
use crate::pages::record::RecordPage;
use crate::pages::security::SecurityPage;
use crate::pages::sign_in::SignInPage;
use crate::session::{SessionProvider, use_session};

/// The client-side routes. The server answers every other path with the app, which shows
/// [`Route::NotFound`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Routable)]
pub enum Route {
    /// What DSP is, and the way to each area.
    #[at("/")]
    Home,
    /// The patient portal.
    #[at("/patient")]
    Patient,
    /// The signed-in patient's history of their record.
    #[at("/patient/history")]
    PatientHistory,
    /// The signed-in patient decides who can see their record.
    #[at("/patient/access")]
    PatientAccess,
    /// The signed-in patient's documents: viewer, downloads, restrictions.
    #[at("/patient/documents")]
    PatientDocuments,
    /// The portal for health professionals.
    #[at("/professional")]
    Professional,
    /// A record opened by a professional: its documents and the upload form.
    #[at("/professional/records/:patient_id")]
    ProfessionalRecord {
        /// The record.
        patient_id: uuid::Uuid,
    },
    /// The agency's console.
    #[at("/agency")]
    Agency,
    /// Sign in with a passkey or security key (`?expired=1` after a session ended).
    #[at("/sign-in")]
    SignIn,
    /// A patient activates their record with the code from their letter.
    #[at("/activate")]
    Activate,
    /// A professional or agent registers a security key (`#code=…` from the enrolment link).
    #[at("/enrol")]
    Enrol,
    /// One's passkeys or security keys and sessions.
    #[at("/security")]
    Security,
    /// Any other path.
    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Patient => html! { <PatientPage /> },
        Route::PatientHistory => html! { <HistoryPage /> },
        Route::PatientAccess => html! { <AccessPage /> },
        Route::PatientDocuments => html! { <PatientDocumentsPage /> },
        Route::Professional => html! { <ProfessionalPage /> },
        Route::ProfessionalRecord { patient_id } => html! { <RecordPage {patient_id} /> },
        Route::Agency => html! { <AgencyPage /> },
        Route::SignIn => html! { <SignInPage /> },
        Route::Activate => html! { <ActivatePage /> },
        Route::Enrol => html! { <EnrolPage /> },
        Route::Security => html! { <SecurityPage /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

/// The root component: owns the language and provides it to everything below.
#[component]
pub fn App() -> Html {
    let language = use_state(|| {
        choice::initial_language(
            browser::stored_language().as_deref(),
            &browser::preferred_languages(),
        )
    });
    let switch_language = {
        let language = language.clone();
        use_callback((), move |chosen: Language, ()| {
            browser::store_language(chosen);
            language.set(chosen);
        })
    };
    use_effect_with(*language, |language| browser::set_document_language(*language));
    use_effect_with((), |()| browser::mark_app_ready());

    html! {
        <ContextProvider<I18n> context={I18n::new(*language, switch_language)}>
            <BrowserRouter>
                <SessionProvider>
                    <Shell />
                </SessionProvider>
            </BrowserRouter>
        </ContextProvider<I18n>>
    }
}

/// The frame of every page.
#[component]
fn Shell() -> Html {
    let i18n = use_i18n();
    let route = use_route::<Route>();
    let session = use_session();
    let navigator = use_navigator();
    let signing_out = use_state(|| false);
    let today = use_state(browser::today);
    let health = use_state(|| Remote::<HealthResponse>::Loading);
    {
        let health = health.clone();
        use_effect_with((), move |()| {
            spawn_local(async move { health.set(api::health::fetch().await.into()) });
        });
    }

    let on_sign_out = {
        let session = session.clone();
        let signing_out = signing_out.clone();
        Callback::from(move |()| {
            let session = session.clone();
            let navigator = navigator.clone();
            let signing_out = signing_out.clone();
            signing_out.set(true);
            spawn_local(async move {
                // Whatever the server answers, this browser forgets the person: a failed call
                // leaves a session that expires on its own.
                let _ = api::auth::sign_out().await;
                session.signed_out();
                signing_out.set(false);
                if let Some(navigator) = navigator {
                    let _ = navigator.push_with_query(&Route::SignIn, &[("signed-out", "1")]);
                }
            });
        })
    };
    let account = session
        .info()
        .map(|info| Account { display_name: info.display_name.clone(), role: info.role });

    html! {
        <>
            <a class="skip-link" href="#main-content">{ i18n.t("skip-to-content") }</a>
            <Header
                current={route}
                language={i18n.language()}
                on_language={i18n.switch()}
                {account}
                checking={session.is_checking()}
                {on_sign_out}
                signing_out={*signing_out}
            />
            <main id="main-content" tabindex="-1">
                <Switch<Route> render={switch} />
            </main>
            <Footer today={*today} health={(*health).clone()} />
        </>
    }
}
