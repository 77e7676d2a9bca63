//! Errors that reach the user: each names the file (or index) and the reason in one line.

use std::any::Any;
use std::path::PathBuf;

/// A failure of one of diarium's commands.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read, opened or processed; `reason` says why in a few words.
    #[error("{}: {reason}", path.display())]
    File {
        /// The file as given.
        path: PathBuf,
        /// Why it failed, e.g. "encrypted: password required".
        reason: String,
    },
    /// The index could not be opened, written or searched.
    #[error("index {}: {reason}", path.display())]
    Index {
        /// The index directory.
        path: PathBuf,
        /// Why it failed, and what to do about it where that is known.
        reason: String,
    },
    /// The user's input (a query, a date, a reference) could not be understood.
    #[error("{0}")]
    Usage(String),
}

/// Result with diarium's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A file error from anything displayable.
    pub fn file(path: impl Into<PathBuf>, reason: impl std::fmt::Display) -> Error {
        Error::File {
            path: path.into(),
            reason: reason.to_string(),
        }
    }

    /// An index error from anything displayable.
    pub fn index(path: impl Into<PathBuf>, reason: impl std::fmt::Display) -> Error {
        Error::Index {
            path: path.into(),
            reason: reason.to_string(),
        }
    }
}

/// What a caught panic says, if it says anything: the text `panic!` was given.
pub fn panic_message(payload: &(dyn Any + Send)) -> Option<String> {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
}
