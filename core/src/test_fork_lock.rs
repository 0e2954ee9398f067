//! The lock unit tests that fork take, so that one test's `waitpid(-1)`
//! never reaps another test's child. Its own leaf (re-exported as
//! `crate::FORK_LOCK`) so that lib.rs holds only declarations and
//! re-exports, and nothing the crate root re-exports depends on lib.rs.

/// Unit tests that fork take this, so that one test's `waitpid(-1)` never
/// reaps another test's child.
pub(crate) static FORK_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
