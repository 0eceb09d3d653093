//! One way in: [`Application::build`] opens the database, binds the listener and prepares the
//! background workers; [`Application::run_until_stopped`] awaits the server and the supervised
//! workers together.
//!
//! Every request runs in a `tracing` span ([`RequestSpan`]) with a request id, the method and the
//! matched route pattern (`/me/{token}`), never the raw path or query, which carry tokens.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{Server, Service, ServiceRequest, ServiceResponse};
use actix_web::{web, App, HttpMessage, HttpServer};
use anyhow::Context;
use secrecy::ExposeSecret;
use tracing_actix_web::{RequestId, RootSpanBuilder, TracingLogger};

use crate::continuum::scheduler_worker;
use crate::db::Db;
use crate::email::{outbox_worker, Mailer};
use crate::housekeeping;
use crate::introductions::reminder_worker;
use crate::routes;
use crate::routes::security_headers;
use crate::settings::Settings;
use crate::signup::fill_time::FormStamp;
use crate::state::AppState;
use crate::supervisor::{self, Backoff};

/// How long the workers get to finish the task in hand once the server has stopped.
const WORKER_GRACE: Duration = Duration::from_secs(30);

/// A built application: database ready, port bound, not yet serving.
pub struct Application {
    port: u16,
    server: Server,
    state: AppState,
}

impl Application {
    /// Opens and migrates the database, prepares email, and binds `settings.bind:settings.port`
    /// (port 0 picks a free port).
    ///
    /// # Errors
    /// The database cannot be opened or migrated, the transport is misconfigured, or the address
    /// is taken.
    pub fn build(settings: Settings) -> anyhow::Result<Self> {
        let db = Db::connect(
            settings.database_url.expose_secret(),
            settings.database_max_connections,
        )
        .context("opening the database")?;
        if !settings.demo_programme.is_empty() {
            let slug = settings.demo_programme.clone();
            db.write(|conn| crate::db::programmes::ensure_demo(conn, &slug))
                .context("creating the demo programme")?;
        }
        let state = Self::state(settings, db)?;
        let address = format!("{}:{}", state.settings.bind, state.settings.port);
        let listener =
            TcpListener::bind(&address).with_context(|| format!("cannot listen on {address}"))?;
        let port = listener
            .local_addr()
            .context("reading the bound address")?
            .port();
        // With port 0 the real port is known only now; links in emails must carry it.
        let state = if state.settings.port == port {
            state
        } else {
            let mut settings = (*state.settings).clone();
            settings.port = port;
            AppState {
                settings: Arc::new(settings),
                ..state
            }
        };
        // First start: no coordinator account yet -> a one-time link to create the admin.
        match crate::accounts::setup::issue_link_if_needed(
            &state.db,
            &state.settings.public_url(),
            chrono::Utc::now().naive_utc(),
        ) {
            Ok(Some(link)) => println!(
                "No coordinator account exists yet. Open this one-time link to create the \
                 administrator account: {link}"
            ),
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "could not issue the first-start setup link"),
        }
        let server = serve(listener, state.clone())?;
        Ok(Self {
            port,
            server,
            state,
        })
    }

    /// Shared state for commands that do not serve HTTP (CLI, tests).
    ///
    /// # Errors
    /// The email transport is misconfigured.
    pub fn state(settings: Settings, db: Db) -> anyhow::Result<AppState> {
        let mailer = Mailer::from_settings(&settings.email).context("setting up email")?;
        let form_stamp = match db.write(FormStamp::load) {
            Err(e) if e.is_unique_violation() => db.write(FormStamp::load),
            other => other,
        }
        .context("reading the sign-up form's key")?;
        Ok(AppState {
            db,
            settings: Arc::new(settings),
            mailer: Arc::new(mailer),
            form_stamp,
        })
    }

    /// The bound port.
    #[must_use]
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The state the server runs with (tests read the in-memory mailbox through it).
    #[must_use]
    pub fn app_state(&self) -> &AppState {
        &self.state
    }

    /// Serves HTTP, delivers the outbox, sends answer reminders, runs the continuum's scheduler
    /// and the hourly housekeeping until the server stops (Ctrl-C
    /// or SIGTERM), then lets the workers finish the task in hand (at most [`WORKER_GRACE`]).
    ///
    /// The workers run under [`supervisor::supervise`]: one that panics or fails is logged and
    /// restarted, so the server never goes on silently without sending mail.
    ///
    /// # Errors
    /// The server fails, or the workers' supervisors end while the server runs.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let Self { server, state, .. } = self;
        let db = state.db.clone();
        let (stop_workers, shutdown) = supervisor::shutdown_channel();
        let outbox = supervisor::supervise("outbox", Backoff::default(), shutdown.clone(), {
            let state = state.clone();
            move |stop| outbox_worker::run(state.clone(), stop)
        });
        let reminders =
            supervisor::supervise("answer reminders", Backoff::default(), shutdown.clone(), {
                let state = state.clone();
                move |stop| reminder_worker::run(state.clone(), stop)
            });
        let continuum = supervisor::supervise("continuum", Backoff::default(), shutdown.clone(), {
            let state = state.clone();
            move |stop| scheduler_worker::run(state.clone(), stop)
        });
        let housekeeping = supervisor::supervise("housekeeping", Backoff::default(), shutdown, {
            move |stop| housekeeping::worker::run(state.clone(), stop)
        });
        let workers = async move {
            tokio::join!(outbox, reminders, continuum, housekeeping);
        };
        let server_handle = server.handle();
        tokio::pin!(server, workers);
        tokio::select! {
            result = &mut server => {
                match &result {
                    Ok(()) => tracing::info!("the HTTP server stopped; stopping the workers"),
                    Err(e) => tracing::error!(error = %e, "the HTTP server failed; stopping the workers"),
                }
                stop_workers.trigger();
                if tokio::time::timeout(WORKER_GRACE, &mut workers).await.is_err() {
                    tracing::warn!(
                        grace_s = WORKER_GRACE.as_secs(),
                        "the workers did not stop in time; abandoning them"
                    );
                }
                match tokio::task::spawn_blocking(move || db.truncate_wal()).await {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => tracing::warn!(error = %e, "could not truncate the SQLite WAL"),
                    Err(e) => tracing::warn!(error = %e, "could not truncate the SQLite WAL"),
                }
                result.context("the HTTP server failed")
            }
            () = &mut workers => {
                // Supervisors restart their workers until told to stop, so this is a bug.
                tracing::error!("the background workers ended while the server runs; stopping the server");
                server_handle.stop(true).await;
                anyhow::bail!("the background workers ended while the server was running")
            }
        }
    }
}

fn serve(listener: TcpListener, state: AppState) -> anyhow::Result<Server> {
    let hsts = security_headers::wants_hsts(&state.settings.public_url());
    let server = HttpServer::new(move || {
        App::new()
            // A function, not `DefaultHeaders`: an error a middleware returns (the API's 401,
            // say) becomes a response only after every middleware, so it is given its headers
            // here, inside the error.
            .wrap_fn(move |req, service| {
                let response = service.call(req);
                async move {
                    match response.await {
                        Ok(mut r) => {
                            security_headers::apply(r.headers_mut(), hsts);
                            Ok(r)
                        }
                        Err(e) => {
                            let mut r = e.error_response();
                            security_headers::apply(r.headers_mut(), hsts);
                            Err(actix_web::error::InternalError::from_response(e, r).into())
                        }
                    }
                }
            })
            .wrap(TracingLogger::<RequestSpan>::new())
            .app_data(web::Data::new(state.clone()))
            .configure(routes::configure)
    })
    .listen(listener)
    .context("starting the HTTP server")?
    .run();
    Ok(server)
}

/// When the request arrived, for the latency in the closing log line.
#[derive(Clone, Copy)]
struct RequestStart(Instant);

/// The root span of every request: request id, method, matched route pattern and status. No
/// personal data: not the raw path or query (tokens live there), not the client address or
/// user agent, not error texts (database errors can quote the values they refused).
pub struct RequestSpan;

impl RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &ServiceRequest) -> tracing::Span {
        request
            .extensions_mut()
            .insert(RequestStart(Instant::now()));
        let request_id = request
            .extensions()
            .get::<RequestId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        let route = request
            .match_pattern()
            .unwrap_or_else(|| "(no route)".to_owned());
        tracing::info_span!(
            "HTTP request",
            request_id = %request_id,
            http.method = %request.method(),
            http.route = %route,
            http.status_code = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(
        span: tracing::Span,
        outcome: &Result<ServiceResponse<B>, actix_web::Error>,
    ) {
        let (status, started) = match outcome {
            Ok(response) => (
                response.status(),
                response
                    .request()
                    .extensions()
                    .get::<RequestStart>()
                    .copied(),
            ),
            Err(error) => (error.as_response_error().status_code(), None),
        };
        span.record("http.status_code", status.as_u16());
        let elapsed_ms = started.map(|RequestStart(at)| at.elapsed().as_secs_f64() * 1000.0);
        if status.is_server_error() {
            tracing::error!(parent: &span, status = status.as_u16(), elapsed_ms, "request failed");
        } else {
            tracing::info!(parent: &span, status = status.as_u16(), elapsed_ms, "request handled");
        }
    }
}
