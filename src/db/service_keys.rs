//! The `service_keys` table: secrets the service makes for itself and every instance shares.

use anyhow::Context;
use diesel::prelude::*;

use crate::db::schema::service_keys;
use crate::db::{DbConnection, DbError};

/// The key called `name`, stored as `fresh` if there is none yet. Two instances starting at
/// once store one key between them: the insert comes first and leaves an existing row alone
/// (`ON CONFLICT DO NOTHING`), then the stored key is read. (Reading first and inserting after
/// failed on SQLite with "database is locked": a transaction that has read may not write once
/// another process has written since.)
///
/// # Errors
/// A failed query.
pub fn get_or_create(conn: &mut DbConnection, name: &str, fresh: &str) -> Result<String, DbError> {
    use diesel::sql_types::Text;
    match conn {
        DbConnection::Postgresql(c) => diesel::sql_query(
            "INSERT INTO service_keys (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        )
        .bind::<Text, _>(name)
        .bind::<Text, _>(fresh)
        .execute(c),
        DbConnection::Sqlite(c) => diesel::sql_query(
            "INSERT INTO service_keys (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
        )
        .bind::<Text, _>(name)
        .bind::<Text, _>(fresh)
        .execute(c),
    }
    .context("storing a service key")?;
    Ok(service_keys::table
        .find(name)
        .select(service_keys::value)
        .first(conn)
        .context("reading a service key")?)
}
