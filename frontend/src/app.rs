//! The app: client routes, the language state and its context, the session context, and the
//! shell (skip link, header, main landmark, footer) around the routed page. The shell fetches the
//! server's health for the footer and signs out; pages fetch their own data.

use std::rc::Rc;

use shared::Language;
use shared::api::health::HealthResponse;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, Remote};
use crate::browser;
use crate::components::footer::Footer;
use crate::components::header::{Account, Header};
use crate::i18n::Translator;
use crate::i18n::context::{self, I18n, use_i18n};
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
use crate::router::{Router, use_navigator, use_route};
use crate::session::{SessionProvider, use_session};

/// The client-side routes. The server answers every other path with the app, which shows
/// [`Route::NotFound`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// What DSP is, and the way to each area.
    Home,
    /// The patient portal.
    Patient,
    /// The signed-in patient's history of their record.
    PatientHistory,
    /// The signed-in patient decides who can see their record.
    PatientAccess,
    /// The signed-in patient's documents: viewer, downloads, restrictions.
    PatientDocuments,
    /// The portal for health professionals.
    Professional,
    /// A record opened by a professional: its documents and the upload form.
    ProfessionalRecord {
        /// The record.
        patient_id: uuid::Uuid,
    },
    /// The agency's console.
    Agency,
    /// Sign in with a passkey or security key (`?expired=1` after a session ended).
    SignIn,
    /// A patient activates their record with the code from their letter.
    Activate,
    /// A professional or agent registers a security key (`#code=…` from the enrolment link).
    Enrol,
    /// One's passkeys or security keys and sessions.
    Security,
    /// Any other path.
    NotFound,
}

impl Route {
    /// The route of a path (`/professional/records/<uuid>` carries its record); a trailing `/`
    /// is ignored.
    #[must_use]
    pub fn recognize(path: &str) -> Self {
        let path = if path.len() > 1 { path.strip_suffix('/').unwrap_or(path) } else { path };
        match path {
            "/" => Self::Home,
            "/patient" => Self::Patient,
            "/patient/history" => Self::PatientHistory,
            "/patient/access" => Self::PatientAccess,
            "/patient/documents" => Self::PatientDocuments,
            "/professional" => Self::Professional,
            "/agency" => Self::Agency,
            "/sign-in" => Self::SignIn,
            "/activate" => Self::Activate,
            "/enrol" => Self::Enrol,
            "/security" => Self::Security,
            _ => path
                .strip_prefix("/professional/records/")
                .and_then(|id| id.parse().ok())
                .map_or(Self::NotFound, |patient_id| Self::ProfessionalRecord { patient_id }),
        }
    }

    /// The path of the route.
    #[must_use]
    pub fn to_path(self) -> String {
        match self {
            Self::Home => "/",
            Self::Patient => "/patient",
            Self::PatientHistory => "/patient/history",
            Self::PatientAccess => "/patient/access",
            Self::PatientDocuments => "/patient/documents",
            Self::Professional => "/professional",
            Self::ProfessionalRecord { patient_id } => {
                return format!("/professional/records/{patient_id}");
            }
            Self::Agency => "/agency",
            Self::SignIn => "/sign-in",
            Self::Activate => "/activate",
            Self::Enrol => "/enrol",
            Self::Security => "/security",
            Self::NotFound => "/404",
        }
        .to_owned()
    }
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

/// Props of [`App`].
#[derive(Debug, Properties)]
pub struct AppProps {
    /// The starting language's translator, already fetched.
    pub translator: Rc<Translator>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.translator, &other.translator)
    }
}

/// The root component: owns the language and provides it to everything below.
#[component]
pub fn App(props: &AppProps) -> Html {
    let translator = use_state(|| Rc::clone(&props.translator));
    // The language asked for last: a slower, earlier fetch must not win.
    let wanted = use_mut_ref(|| props.translator.language());
    let switch_language = {
        let translator = translator.clone();
        use_callback((), move |chosen: Language, ()| {
            *wanted.borrow_mut() = chosen;
            let translator = translator.clone();
            let wanted = wanted.clone();
            spawn_local(async move {
                // Without its catalogue the language stays as it is (the network is gone).
                if let Some(loaded) = context::load(chosen).await
                    && *wanted.borrow() == chosen
                {
                    browser::store_language(chosen);
                    translator.set(loaded);
                }
            });
        })
    };
    let language = translator.language();
    use_effect_with(language, |language| browser::set_document_language(*language));
    use_effect_with((), |()| browser::mark_app_ready());

    html! {
        <ContextProvider<I18n> context={I18n::new(Rc::clone(&translator), switch_language)}>
            <Router>
                <SessionProvider>
                    <Shell />
                </SessionProvider>
            </Router>
        </ContextProvider<I18n>>
    }
}

/// The frame of every page.
#[component]
fn Shell() -> Html {
    let i18n = use_i18n();
    let route = use_route();
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
                    navigator.push_with_query(&Route::SignIn, &[("signed-out", "1")]);
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
                { route.map_or_else(Html::default, switch) }
            </main>
            <Footer today={*today} health={(*health).clone()} />
        </>
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    #[test]
    fn every_route_reads_back_from_its_path() {
        let record = Route::ProfessionalRecord { patient_id: Uuid::from_u128(42) };
        for route in [
            Route::Home,
            Route::Patient,
            Route::PatientHistory,
            Route::PatientAccess,
            Route::PatientDocuments,
            Route::Professional,
            record,
            Route::Agency,
            Route::SignIn,
            Route::Activate,
            Route::Enrol,
            Route::Security,
            Route::NotFound,
        ] {
            assert_eq!(Route::recognize(&route.to_path()), route, "{route:?}");
        }
        assert_eq!(record.to_path(), "/professional/records/00000000-0000-0000-0000-00000000002a");
    }

    #[test]
    fn other_paths_lead_nowhere() {
        assert_eq!(Route::recognize("/patient/"), Route::Patient);
        for path in ["", "/nope", "/patient/history/x", "/professional/records/not-a-uuid"] {
            assert_eq!(Route::recognize(path), Route::NotFound, "{path}");
        }
    }
}
