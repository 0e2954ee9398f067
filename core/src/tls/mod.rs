//! The TLS engine, free of PHP: contexts built from a port's (or a
//! client's) `ssl_*` settings with precise errors, reloadable certificates,
//! and a non-blocking session state machine over a raw socket fd. Linked to
//! the system's libssl (the one PHP loads), never a vendored copy.
//!
//! - [`settings`]: a port's [`TlsSettings`] and `ssl_sni_certs` entries.
//! - [`protocols`]: the `SWOOLE_SSL_TLSv1*` mask as a range of versions.
//! - [`error`]: [`TlsError`], one variant per kind of bad setting, naming it.
//! - [`pem`]: reading certificate, key and DH files with precise errors.
//! - [`context`]: a port's libssl context, Swoole's checks, SNI contexts.
//! - [`sni`]: host name patterns and which certificate answers a name.
//! - [`acceptor`]: [`TlsAcceptor`], the shared context and its reload.
//! - [`io`]: the socket under libssl, with the encrypted bytes pending.
//! - [`connection`]: [`TlsConnection`], handshake / established / shutdown.
//! - [`failure`]: why a handshake or session failed, and Swoole's codes.
//! - [`peer`]: protocol, cipher and peer certificate of a session.
//! - [`client`]: [`TlsConnector`] and [`TlsClient`] for `Swoole\Client`.
//! - [`registry`]: the server's TLS ports in this process, and their reload.
//!
//! What Swoole 6.2.1 does (messages, defaults, `getClientInfo()` keys) and
//! where this engine differs is written down in `docs/TLS-NOTES.md`.

pub mod acceptor;
pub mod client;
pub mod connection;
pub mod context;
pub mod error;
pub mod failure;
pub mod io;
pub mod peer;
pub mod pem;
pub mod protocols;
pub mod registry;
pub mod settings;
pub mod sni;

pub use acceptor::{Reload, TlsAcceptor};
pub use client::{ClientError, ClientTlsSettings, TlsClient, TlsConnector, VerifyFailure};
pub use connection::{Flush, Handshake, Interest, ReadOutcome, TlsConnection, TlsState, WriteOutcome};
pub use error::TlsError;
pub use failure::{HandshakeFailure, SessionError};
pub use peer::{CertSummary, PeerCert, PeerInfo};
pub use settings::{SniCert, TlsSettings};

/// The libssl TLS runs on (`OpenSSL 3.0.19 27 Jan 2026`), for `php --ri swoole`.
pub fn library_version() -> &'static str {
    openssl::version::version()
}

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod server_tests;
#[cfg(test)]
mod settings_tests;
#[cfg(test)]
mod client_tests;
