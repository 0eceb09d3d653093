//! Integration tests: one binary, each test starts the real app on a random port with its own
//! database (a temporary SQLite file, or a fresh PostgreSQL database when TEST_DATABASE_URL is
//! set).

mod api_auth;
mod api_cli;
mod api_docs;
mod api_participants;
mod api_support;
mod checkin_link;
mod cli_demo;
mod cli_demo_history;
mod cli_import;
mod cli_support;
mod continuum_api;
mod continuum_me;
mod continuum_pages;
mod continuum_scheduler;
mod continuum_simulation;
mod continuum_storage;
mod continuum_support;
mod coordinator_web;
mod email_outbox;
mod email_smtp;
mod email_support;
mod health;
mod helpers;
mod introductions;
mod introductions_support;
mod matching_runs;
mod my_data;
mod programmes_admin;
mod review;
mod review_api;
mod review_cli;
mod review_support;
mod signup;
mod storage;
