//! A programme's life after it was set up: archiving it (sign-up closed, no new matching runs,
//! everything else goes on until the last match ends and the retention period empties it),
//! reopening it, and deleting it once it holds no personal data. The admin pages, the API and
//! the command line all come through here.

pub mod archive;

pub use archive::{archive, delete, reopen, status, Actor, ArchiveError};
