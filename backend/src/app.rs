//! The application: shared state, the router with its middleware, and the server's life
//! (bind, migrate, serve, shut down gracefully).

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::middleware;
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::auth::csrf;
use crate::auth::webauthn::RelyingParty;
use crate::bodies::{Guarded, MinRate, MinRateLimit, TooSlow};
use crate::clients::PerClient;
use crate::clock::Clock;
use crate::config::Config;
use crate::documents::store::{ContentStore, FileStore};
use crate::error::{Admission, AppError, json_errors, not_found_floor, shed_load};
use crate::linger::Linger;
use crate::{db, routes, spa, telemetry};

/// Largest JSON body the API accepts (documents have their own streaming limit).
const JSON_BODY_LIMIT: usize = 1024 * 1024;

/// Largest form body the OAuth endpoints accept.
const OAUTH_BODY_LIMIT: usize = 16 * 1024;

/// `Strict-Transport-Security` under an https public origin: a year, the origin's subdomains
/// too (no preload: that commits the whole domain).
const HSTS: &str = "max-age=31536000; includeSubDomains";

/// What every handler can reach. Cheap to clone; holds no per-user state (that lives in the
/// database, so that several instances can share one).
#[derive(Debug, Clone)]
pub struct AppState {
    /// The database pool.
    pub db: DatabaseConnection,
    /// The configuration, read once at start.
    pub config: Arc<Config>,
    /// The only source of `now`.
    pub clock: Clock,
    /// The OpenAPI document, rendered once.
    pub openapi: Arc<str>,
    /// The WebAuthn relying party of the public origin.
    pub rp: Arc<RelyingParty>,
    /// Where documents' bytes live.
    pub store: Arc<dyn ContentStore>,
    /// The access matrix, read from the database at most once a minute.
    pub matrix: MatrixCache,
    /// Appends the audit entries of reads in grouped commits.
    pub audit: crate::audit::writer::GroupWriter,
    /// This instance's request counters, for `/metrics`.
    pub metrics: Arc<crate::metrics::ServiceMetrics>,
    /// The memory ITI-65 bundles may take at once in this instance (`DSP_FHIR_BUNDLE_MEMORY_MB`).
    pub bundle_memory: crate::fhir::provide::BundleMemory,
}

/// The access matrix is data (seeded by migration, editable in the database) read on every
/// decision; one copy per process, refreshed after a minute, keeps 209 rows off every request.
/// Not session state: every instance reads the same table.
#[derive(Debug, Clone, Default)]
pub struct MatrixCache(Arc<std::sync::Mutex<Option<CachedMatrix>>>);

/// The matrix and when it was read.
type CachedMatrix = (std::time::Instant, Arc<crate::access::Matrix>);

impl MatrixCache {
    const FRESH_FOR: std::time::Duration = std::time::Duration::from_secs(60);

    /// The matrix, from the cache when it is younger than a minute.
    ///
    /// # Errors
    /// Database.
    pub async fn get(
        &self,
        conn: &impl sea_orm::ConnectionTrait,
    ) -> Result<Arc<crate::access::Matrix>, AppError> {
        if let Ok(guard) = self.0.lock()
            && let Some((at, matrix)) = guard.as_ref()
            && at.elapsed() < Self::FRESH_FOR
        {
            return Ok(Arc::clone(matrix));
        }
        let matrix = Arc::new(crate::services::documents::load_matrix(conn).await?);
        if let Ok(mut guard) = self.0.lock() {
            *guard = Some((std::time::Instant::now(), Arc::clone(&matrix)));
        }
        Ok(matrix)
    }
}

impl AppState {
    /// The state for a database and configuration.
    ///
    /// # Errors
    /// When the public origin is not usable for WebAuthn, or the content store cannot be opened.
    pub async fn new(db: DatabaseConnection, config: Config, clock: Clock) -> anyhow::Result<Self> {
        let rp = Arc::new(RelyingParty::new(&config.public_origin)?);
        let store: Arc<dyn ContentStore> = Arc::new(
            FileStore::open_in(&config.data_dir).await.context("opening the content store")?,
        );
        // Its own connection: the writer's commits never wait behind the reads waiting for them.
        let mut writer_db =
            db::connect_sized(&config, 1).await.context("opening the audit writer's connection")?;
        if config.bench_routes {
            writer_db.set_metric_callback(crate::bench_routes::count);
        }
        let audit = crate::audit::writer::GroupWriter::start(writer_db);
        let bundle_memory =
            crate::fhir::provide::BundleMemory::new(config.fhir_bundle_memory_bytes);
        Ok(Self {
            db,
            config: Arc::new(config),
            clock,
            openapi: Arc::from(""),
            rp,
            store,
            matrix: MatrixCache::default(),
            audit,
            metrics: Arc::default(),
            bundle_memory,
        })
    }
}

/// Builds the whole router: `/api` (JSON only) and the web app as the fallback.
///
/// # Errors
/// When the OpenAPI document cannot be rendered.
pub fn router(state: AppState) -> anyhow::Result<Router> {
    let (api, mut openapi) =
        utoipa_axum::router::OpenApiRouter::with_openapi(routes::openapi_base())
            .nest("/api", routes::api())
            .split_for_parts();
    let (oauth, oauth_doc) = routes::oauth_protocol().split_for_parts();
    openapi.merge(oauth_doc);
    let openapi: Arc<str> =
        openapi.to_pretty_json().context("rendering the OpenAPI document")?.into();
    let dist = state.config.dist_dir.clone();
    let origin: Arc<str> = state.config.public_origin.as_str().into();
    let floor = state.config.not_found_floor;
    let admission = Arc::new(Admission {
        slots: tokio::sync::Semaphore::new(state.config.max_in_flight),
        per_client: PerClient::new(state.config.max_in_flight_per_client),
    });
    let bench = state.config.bench_routes;
    let hsts =
        state.config.public_origin.starts_with("https://").then(|| HeaderValue::from_static(HSTS));
    let state = AppState { openapi, ..state };
    let metrics = Arc::clone(&state.metrics);
    // Outside `/api`: a scraper has a bearer token, not a session.
    let scrape = Router::new()
        .route("/metrics", axum::routing::get(crate::metrics::serve))
        .with_state(state.clone());
    // `/fhir/R4`: practice software with bearer tokens; errors as OperationOutcome.
    let fhir = crate::fhir::router(state.clone(), floor, Arc::clone(&admission));
    let oauth_admission = Arc::clone(&admission);
    let api = if bench { api.nest("/api", crate::bench_routes::api()) } else { api };
    let api = api
        .route("/api", axum::routing::any(api_not_found))
        .route("/api/", axum::routing::any(api_not_found))
        .route("/api/{*rest}", axum::routing::any(api_not_found))
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .layer(middleware::from_fn_with_state(origin, csrf::protect))
        .layer(CatchPanicLayer::new())
        .layer(middleware::from_fn_with_state(floor, not_found_floor))
        .layer(middleware::from_fn_with_state(admission, shed_load))
        .layer(middleware::from_fn(json_errors))
        // Answers carry personal and health data: never kept by a browser or a proxy. The
        // health check and the contract, which carry none, say `no-cache` themselves.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(state.clone());
    // Practice software's OAuth endpoints: forms and the RFCs' JSON answers, never kept.
    let oauth = oauth
        .layer(DefaultBodyLimit::max(OAUTH_BODY_LIMIT))
        .layer(CatchPanicLayer::new())
        // The same admission control as the API's: a client past its share waits its turn.
        .layer(middleware::from_fn_with_state(oauth_admission, shed_load))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::PRAGMA,
            HeaderValue::from_static("no-cache"),
        ))
        .with_state(state.clone());
    let app = Router::new()
        .merge(api)
        .merge(oauth)
        .merge(fhir)
        .merge(scrape)
        .fallback(spa::serve)
        .with_state(dist)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        // A window this app opens, or that opens it, gets no handle on the other.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::STRICT_TRANSPORT_SECURITY, hsts))
        // Inside the compression, which polls a body again after its end (see `bodies`).
        .layer(middleware::map_response(async |response| Guarded::response(response)))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(metrics, crate::metrics::count))
        .layer(PropagateRequestIdLayer::new(telemetry::request_id_header()))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(telemetry::request_span)
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(SetRequestIdLayer::new(telemetry::request_id_header(), MakeRequestUuid));
    Ok(if bench { Router::new().merge(crate::bench_routes::bare()).merge(app) } else { app })
}

/// Any `/api` path that no route answers.
async fn api_not_found() -> AppError {
    AppError::NotFound
}

/// A server bound to its address with a migrated database, ready to run.
#[derive(Debug)]
pub struct Server {
    listener: TcpListener,
    router: Router,
    db: DatabaseConnection,
    limits: ConnectionLimits,
}

impl Server {
    /// Connects to and migrates the database, then binds the configured address (port 0 picks
    /// a free port, see [`Server::local_addr`]).
    ///
    /// # Errors
    /// When the database cannot be opened or migrated, or the address cannot be bound.
    pub async fn build(config: Config, clock: Clock) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(config.bind)
            .await
            .with_context(|| format!("binding {}", config.bind))?;
        Self::build_on(listener, config, clock).await
    }

    /// Like [`Server::build`], on a listener the caller bound (tests bind port 0 first, then
    /// set the public origin to the real port).
    ///
    /// # Errors
    /// When the database cannot be opened or migrated.
    pub async fn build_on(
        listener: TcpListener,
        config: Config,
        clock: Clock,
    ) -> anyhow::Result<Self> {
        let mut db = db::connect(&config).await.context("opening the database")?;
        if config.bench_routes {
            db.set_metric_callback(crate::bench_routes::count);
        }
        Self::on_database(listener, db, config, clock).await
    }

    /// Like [`Server::build_on`], on a database the caller opened (tests and benchmarks watch
    /// its statements); migrates it.
    ///
    /// # Errors
    /// When the database cannot be migrated.
    pub async fn on_database(
        listener: TcpListener,
        db: DatabaseConnection,
        config: Config,
        clock: Clock,
    ) -> anyhow::Result<Self> {
        db::migrate(&db).await.context("migrating the database")?;
        let limits = ConnectionLimits::of(&config);
        let state = AppState::new(db.clone(), config, clock).await?;
        if state.config.bench_routes {
            tracing::warn!("benchmark routes mounted (DSP_BENCH_ROUTES): never in production");
            crate::bench_routes::prepare(&state).await.context("preparing the baselines")?;
        }
        let router = router(state)?;
        Ok(Self { listener, router, db, limits })
    }

    /// The bound address.
    ///
    /// # Errors
    /// When the socket has no local address.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight and closes the
    /// database pool.
    ///
    /// # Errors
    /// When the server fails.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        tracing::info!(addr = %self.listener.local_addr()?, "serving");
        serve(self.listener, self.router, self.limits, shutdown).await;
        self.db.close().await?;
        tracing::info!("stopped");
        Ok(())
    }
}

/// The most an HTTP/1 connection buffers of a request before the handler takes it. hyper's
/// default (about 400 KiB) grows per connection while an upload streams in; 64 KiB keeps a
/// concurrent upload's memory small (measured by `dsp-bench`'s memory probe) without slowing it.
const READ_BUFFER_MAX: usize = 64 * 1024;

/// How long the connections in flight get to finish after the shutdown signal.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(30);

/// What a connection may take (see `clients` and `bodies`).
#[derive(Debug, Clone)]
struct ConnectionLimits {
    /// For the whole request head, from the connection's opening or its previous answer.
    header_read: std::time::Duration,
    /// The least pace of a request body.
    body: MinRateLimit,
    /// Connections per client.
    per_client: PerClient,
    /// How much of a body left unread is drained (see [`crate::linger`]).
    linger: Linger,
}

impl ConnectionLimits {
    fn of(config: &Config) -> Self {
        Self {
            header_read: config.header_read_timeout,
            body: MinRateLimit {
                window: config.body_read_timeout,
                bytes_per_second: config.body_min_bytes_per_sec,
            },
            per_client: PerClient::new(config.max_connections_per_client),
            linger: Linger::for_documents_up_to(config.max_document_bytes),
        }
    }
}

/// Accepts connections until `shutdown`, then lets the requests in flight finish (up to
/// [`SHUTDOWN_GRACE`]). Like `axum::serve` (HTTP/1.1), with the read buffer bounded, the
/// client's address in each request (`ConnectInfo`), a body left unread drained within its
/// bounds (see [`crate::linger`]), and the [`ConnectionLimits`]: a request
/// head must arrive whole within `header_read` (which also closes a kept-alive connection left
/// idle that long), every request body is held to the least pace, and a connection past its
/// client's cap serves a single request, which the API refuses.
async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower::ServiceExt as _;

    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .max_buf_size(READ_BUFFER_MAX)
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read);
    let mut single = builder.clone();
    single.keep_alive(false);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, say: wait instead of spinning.
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let held = limits.per_client.try_hold(remote.ip());
        if held.is_none() {
            tracing::debug!(ip = %remote.ip(), "client past its cap of connections");
        }
        let over_cap = held.is_none();
        let body_limit = limits.body;
        let linger = limits.linger;
        let service = router.clone().map_request(move |mut request: axum::extract::Request<_>| {
            let too_slow = TooSlow::default();
            let extensions = request.extensions_mut();
            extensions.insert(axum::extract::ConnectInfo(remote));
            extensions.insert(too_slow.clone());
            if over_cap {
                extensions.insert(crate::clients::OverConnectionCap);
            }
            let (parts, body) = request.into_parts();
            let body = linger.wrap(&parts.headers, body, too_slow.clone());
            axum::extract::Request::from_parts(
                parts,
                axum::body::Body::new(MinRate::new(body, body_limit, too_slow)),
            )
        });
        let service = hyper_util::service::TowerToHyperService::new(service);
        let connection = if over_cap { &single } else { &builder }
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::trace!(%error, "connection ended with an error");
            }
            drop(held);
        });
    }
    drop(listener);
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await.is_err() {
        tracing::warn!("connections still open after the shutdown grace period");
    }
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
