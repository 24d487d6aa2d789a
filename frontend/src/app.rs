//! The app: client routes and the apps they belong to, the language state and its context,
//! the session context, and the shell (skip link, header, main landmark, footer) around the routed
//! page. The shell fetches the server's health for the footer and signs out; pages fetch their own
//! data.
//!
//! The web app is four wasm apps built from this crate ([`Area`]; `src/bin/`): the portal (home,
//! the patient's pages, sign-in, activation, enrolment, security), the professionals' app, the
//! agency console and the patient's personal space. Each bin renders only its own pages, so each downloads only its own code; the
//! server sends each app's page for its paths, and a link to another app's route loads that app.

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
use crate::router::{Router, use_navigator, use_route};
use crate::session::{SessionProvider, use_session};

/// The four apps, each its own wasm (`src/bin/<name>.rs`) and its own page: the server sends the
/// professionals' app for `/professional…`, the agency console for `/agency…`, the patient's
/// personal space for `/patient/personal-space…`, and the portal for every other path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// Home, the patient's pages, sign-in, activation, enrolment, security.
    Portal,
    /// Every `/professional…` route.
    Professional,
    /// Every `/agency…` route.
    Agency,
    /// The patient's personal space (`/patient/personal-space`): notes, own documents, wishes.
    Personal,
}

impl Area {
    /// Whether this app shows `route` (every app shows [`Route::NotFound`]).
    #[must_use]
    pub fn owns(self, route: Route) -> bool {
        route.area().is_none_or(|area| area == self)
    }
}

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
    /// The signed-in patient's personal space: wishes, notes, own documents.
    PatientPersonalSpace,
    /// The signed-in patient's record's state; closing it.
    PatientRecordLife,
    /// The portal for health professionals.
    Professional,
    /// A record opened by a professional: its documents and the upload form.
    ProfessionalRecord {
        /// The record.
        patient_id: uuid::Uuid,
    },
    /// The professional's worklist: the patients they reach through a live link.
    ProfessionalWorklist,
    /// The professional approves (or refuses) a practice software's authorization request, as
    /// DSP's `/oauth/authorize` passes it in the query.
    ProfessionalConnect,
    /// The professional types the code shown by a practice software without a browser.
    ProfessionalDevice,
    /// The software the professional connected.
    ProfessionalSoftware,
    /// The agency's console.
    Agency,
    /// Sign in with a passkey or security key (`?expired=1` after a session ended).
    SignIn,
    /// A patient activates their record with the code from their letter.
    Activate,
    /// A person asks for their record (the voluntary opening form, no sign-in).
    Open,
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
            "/patient/personal-space" => Self::PatientPersonalSpace,
            "/patient/record" => Self::PatientRecordLife,
            "/professional" => Self::Professional,
            "/professional/worklist" => Self::ProfessionalWorklist,
            "/professional/connect" => Self::ProfessionalConnect,
            "/professional/device" => Self::ProfessionalDevice,
            "/professional/software" => Self::ProfessionalSoftware,
            "/agency" => Self::Agency,
            "/sign-in" => Self::SignIn,
            "/activate" => Self::Activate,
            "/open" => Self::Open,
            "/enrol" => Self::Enrol,
            "/security" => Self::Security,
            _ => path
                .strip_prefix("/professional/records/")
                .and_then(|id| id.parse().ok())
                .map_or(Self::NotFound, |patient_id| Self::ProfessionalRecord { patient_id }),
        }
    }

    /// The app that shows the route (`None`: any app, for [`Route::NotFound`]). The server sends
    /// that app's page for the route's path (`spa.rs`, same rule by the path's first segment).
    #[must_use]
    pub const fn area(self) -> Option<Area> {
        match self {
            Self::Professional
            | Self::ProfessionalRecord { .. }
            | Self::ProfessionalWorklist
            | Self::ProfessionalConnect
            | Self::ProfessionalDevice
            | Self::ProfessionalSoftware => Some(Area::Professional),
            Self::Agency => Some(Area::Agency),
            Self::PatientPersonalSpace | Self::PatientRecordLife => Some(Area::Personal),
            Self::NotFound => None,
            Self::Home
            | Self::Patient
            | Self::PatientHistory
            | Self::PatientAccess
            | Self::PatientDocuments
            | Self::SignIn
            | Self::Activate
            | Self::Open
            | Self::Enrol
            | Self::Security => Some(Area::Portal),
        }
    }

    /// Whether a visitor who is not signed in has something to do here (the other pages show
    /// a person's own data). A software's connection request signs the professional in on its
    /// own page, so that the request in its address is not lost.
    #[must_use]
    pub const fn is_public(self) -> bool {
        matches!(
            self,
            Self::Home
                | Self::SignIn
                | Self::Activate
                | Self::Open
                | Self::Enrol
                | Self::NotFound
                | Self::ProfessionalConnect
                | Self::ProfessionalDevice
        )
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
            Self::PatientPersonalSpace => "/patient/personal-space",
            Self::PatientRecordLife => "/patient/record",
            Self::Professional => "/professional",
            Self::ProfessionalRecord { patient_id } => {
                return format!("/professional/records/{patient_id}");
            }
            Self::ProfessionalWorklist => "/professional/worklist",
            Self::ProfessionalConnect => "/professional/connect",
            Self::ProfessionalDevice => "/professional/device",
            Self::ProfessionalSoftware => "/professional/software",
            Self::Agency => "/agency",
            Self::SignIn => "/sign-in",
            Self::Activate => "/activate",
            Self::Open => "/open",
            Self::Enrol => "/enrol",
            Self::Security => "/security",
            Self::NotFound => "/404",
        }
        .to_owned()
    }
}

/// The pages of one app: its [`Area`] and the function that renders its routes (the bin's own,
/// so that the other apps' pages are not in its wasm).
#[derive(Debug, Clone, Copy)]
pub struct Pages {
    /// The app.
    pub area: Area,
    /// Renders a route this app owns ([`Area::owns`]).
    pub render: fn(Route) -> Html,
}

impl PartialEq for Pages {
    /// One app has one set of pages: its area says which.
    fn eq(&self, other: &Self) -> bool {
        self.area == other.area
    }
}

/// Props of [`App`].
#[derive(Debug, Properties)]
pub struct AppProps {
    /// The starting language's translator, already fetched.
    pub translator: Rc<Translator>,
    /// This app's pages.
    pub pages: Pages,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.translator, &other.translator) && self.pages == other.pages
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
            <Router area={props.pages.area}>
                <SessionProvider>
                    <Shell pages={props.pages} />
                </SessionProvider>
            </Router>
        </ContextProvider<I18n>>
    }
}

/// Props of [`Shell`].
#[derive(Debug, Clone, Copy, PartialEq, Properties)]
struct ShellProps {
    pages: Pages,
}

/// The frame of every page.
#[component]
fn Shell(props: &ShellProps) -> Html {
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
    let is_agent = session.info().is_some_and(|info| info.role == shared::api::auth::Role::Agent);
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
                { route.map_or_else(Html::default, |route| page(props.pages, route)) }
            </main>
            <Footer today={*today} health={(*health).clone()} details={is_agent} />
        </>
    }
}

/// The page of `route` in this app; a route of another app loads that app (a link followed
/// inside the app, the back button across apps).
fn page(pages: Pages, route: Route) -> Html {
    if pages.area.owns(route) {
        (pages.render)(route)
    } else {
        let (_, query, hash) = browser::location();
        browser::assign_url(&format!("{}{query}{hash}", route.to_path()));
        Html::default()
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
            Route::PatientPersonalSpace,
            Route::PatientRecordLife,
            Route::Professional,
            record,
            Route::ProfessionalWorklist,
            Route::ProfessionalConnect,
            Route::ProfessionalDevice,
            Route::ProfessionalSoftware,
            Route::Agency,
            Route::SignIn,
            Route::Activate,
            Route::Open,
            Route::Enrol,
            Route::Security,
            Route::NotFound,
        ] {
            assert_eq!(Route::recognize(&route.to_path()), route, "{route:?}");
        }
        assert_eq!(record.to_path(), "/professional/records/00000000-0000-0000-0000-00000000002a");
    }

    #[test]
    fn each_route_is_shown_by_one_app_the_server_picks_by_its_first_segment() {
        let record = Route::ProfessionalRecord { patient_id: Uuid::from_u128(42) };
        for (route, area) in [
            (Route::Home, Area::Portal),
            (Route::PatientDocuments, Area::Portal),
            (Route::Security, Area::Portal),
            (Route::Enrol, Area::Portal),
            (Route::Professional, Area::Professional),
            (record, Area::Professional),
            (Route::ProfessionalWorklist, Area::Professional),
            (Route::ProfessionalConnect, Area::Professional),
            (Route::ProfessionalDevice, Area::Professional),
            (Route::ProfessionalSoftware, Area::Professional),
            (Route::Agency, Area::Agency),
            (Route::PatientPersonalSpace, Area::Personal),
            (Route::PatientRecordLife, Area::Personal),
        ] {
            assert_eq!(route.area(), Some(area), "{route:?}");
            let path = route.to_path();
            let first = path.split('/').nth(1).unwrap_or_default().to_owned();
            let served = match first.as_str() {
                "professional" => Area::Professional,
                "agency" => Area::Agency,
                "patient"
                    if path.starts_with("/patient/personal-space")
                        || path.starts_with("/patient/record") =>
                {
                    Area::Personal
                }
                _ => Area::Portal,
            };
            assert_eq!(served, area, "{route:?}: the server sends another app for its path");
            for other in [Area::Portal, Area::Professional, Area::Agency, Area::Personal] {
                assert_eq!(other.owns(route), other == area, "{route:?} in {other:?}");
            }
        }
        for area in [Area::Portal, Area::Professional, Area::Agency, Area::Personal] {
            assert!(area.owns(Route::NotFound));
        }
    }

    #[test]
    fn other_paths_lead_nowhere() {
        assert_eq!(Route::recognize("/patient/"), Route::Patient);
        for path in ["", "/nope", "/patient/history/x", "/professional/records/not-a-uuid"] {
            assert_eq!(Route::recognize(path), Route::NotFound, "{path}");
        }
    }
}
