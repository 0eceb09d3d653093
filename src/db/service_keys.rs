//! The `service_keys` table: secrets the service makes for itself and every instance shares.

use anyhow::Context;
use diesel::prelude::*;

use crate::db::schema::service_keys;
use crate::db::{DbConnection, DbError};

/// The key called `name`, stored as `fresh` if there is none yet. Two instances starting at once:
/// one of them gets a unique violation and, trying again, the key the other stored.
///
/// # Errors
/// A failed query.
pub fn get_or_create(conn: &mut DbConnection, name: &str, fresh: &str) -> Result<String, DbError> {
    let stored: Option<String> = service_keys::table
        .find(name)
        .select(service_keys::value)
        .first(conn)
        .optional()
        .context("reading a service key")?;
    if let Some(key) = stored {
        return Ok(key);
    }
    diesel::insert_into(service_keys::table)
        .values((service_keys::name.eq(name), service_keys::value.eq(fresh)))
        .execute(conn)
        .context("storing a service key")?;
    Ok(fresh.to_owned())
}
