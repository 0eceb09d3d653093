//! One way in: [`Application::build`] opens the database, binds the listener and prepares the
//! background worker; [`Application::run_until_stopped`] runs the server and worker side by side.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::{dev::Server, web, App, HttpServer};
use anyhow::Context;
use secrecy::ExposeSecret;

use crate::db::Db;
use crate::email::{outbox_worker, Mailer};
use crate::introductions::reminder_worker;
use crate::routes;
use crate::settings::Settings;
use crate::state::AppState;

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
        Ok(AppState {
            db,
            settings: Arc::new(settings),
            mailer: Arc::new(mailer),
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

    /// Serves HTTP, delivers the outbox and sends answer reminders until the server stops (Ctrl-C or SIGTERM).
    ///
    /// # Errors
    /// The server fails.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let worker = tokio::spawn(outbox_worker::run(self.state.clone()));
        let reminders = tokio::spawn(reminder_worker::run(self.state.clone()));
        let result = self.server.await.context("the HTTP server failed");
        worker.abort();
        reminders.abort();
        result
    }
}

fn serve(listener: TcpListener, state: AppState) -> anyhow::Result<Server> {
    let server = HttpServer::new(move || {
        App::new()
            .wrap(actix_web::middleware::Logger::new("%r %s %Dms"))
            .app_data(web::Data::new(state.clone()))
            .configure(routes::configure)
    })
    .listen(listener)
    .context("starting the HTTP server")?
    .run();
    Ok(server)
}
