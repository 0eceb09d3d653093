//! buddymatch: buddy matching for integration programmes.
//!
//! Data flows one way: form / API / CSV -> [`domain`] types -> [`db`] -> `matching` -> back out
//! through [`routes`] and [`email`].

pub mod accounts;
pub mod cli;
pub mod continuum;
pub mod coordinator;
pub mod db;
pub mod domain;
pub mod email;
pub mod housekeeping;
pub mod i18n;
pub mod introductions;
pub mod matching_runs;
pub mod outcomes;
pub mod population;
pub mod programmes;
pub mod reach_by_phone;
pub mod routes;
pub mod settings;
pub mod signup;
pub mod startup;
pub mod state;
pub mod supervisor;
pub mod tokens;
