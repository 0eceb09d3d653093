//! The `buddymatch` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use anyhow::Context;
use buddymatch::cli::{Cli, Command, ExitStatus};
use buddymatch::db::Db;
use buddymatch::settings::Settings;
use buddymatch::startup::Application;
use clap::Parser;
use secrecy::ExposeSecret;

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,actix_web=warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // Already reported by the command (import's problem list): only the code is left.
        Err(e) => match e.downcast_ref::<ExitStatus>() {
            Some(status) => ExitCode::from(status.code),
            None => {
                eprintln!("error: {e:#}");
                ExitCode::FAILURE
            }
        },
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let mut settings = Settings::load(cli.config.as_deref())?;
    if let Some(port) = cli.port {
        settings.port = port;
    }
    if let Some(bind) = cli.bind {
        settings.bind = bind;
    }
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings),
        Command::Demo(args) => buddymatch::cli::demo::run(&settings, &args),
        Command::Import(args) => buddymatch::cli::import::run(&settings, &args),
        Command::Match(args) => buddymatch::cli::match_run::run(&settings, &args),
        Command::Continuum(args) => buddymatch::cli::continuum::run(&settings, &args),
        Command::Coordinator { action } => {
            buddymatch::cli::accounts::coordinator(&settings, action)
        }
        Command::Programme { action } => buddymatch::cli::programmes::run(&settings, &action),
        Command::Token { action } => buddymatch::cli::accounts::token(&settings, action),
        Command::Backup(args) => buddymatch::cli::backup::backup(&settings, &args),
        Command::Restore(args) => buddymatch::cli::backup::restore(&settings, &args),
        Command::Migrate => {
            let db = Db::connect(settings.database_url.expose_secret(), 1)?;
            println!("database ready ({:?}), migrations up to date", db.backend());
            Ok(())
        }
    }
}

fn serve(settings: Settings) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(async move {
        let app = Application::build(settings)?;
        let state = app.app_state().clone();
        println!(
            "buddymatch is running: open {}/signup?programme={} (database: {})",
            state.settings.public_url(),
            state.settings.demo_programme,
            buddymatch::db::connection::redact(state.settings.database_url.expose_secret()),
        );
        app.run_until_stopped().await
    })
}
