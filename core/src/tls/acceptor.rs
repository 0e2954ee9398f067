//! A TLS port's context, shared by every thread that accepts on it, and
//! replaced without a restart when the certificate files change.
//!
//! [`TlsAcceptor::new`] builds the context before fork; workers and reactor
//! threads share it (`Arc<TlsAcceptor>`). [`TlsAcceptor::reload`] re-reads
//! every file the settings name and, only if all of it is good, swaps the
//! context: new handshakes use the new certificate, sessions already made
//! keep the one they started with (each holds a reference to its context).
//! A failed reload changes nothing and says why.
//!
//! After fork each process has its own copy: a reload must run in every
//! process that accepts TLS connections on the port (the master in PROCESS
//! mode, where the reactor threads handshake; each worker in BASE mode).

use super::connection::{Role, TlsConnection};
use super::context::{self, ServerContext};
use super::error::{TlsError, library};
use super::io::FdIo;
use super::peer::CertSummary;
use super::settings::TlsSettings;
use openssl::ssl::Ssl;
use std::os::fd::RawFd;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

/// The TLS side of a listening port.
pub struct TlsAcceptor {
    /// What to build from, again on each reload.
    settings: TlsSettings,
    /// The context new handshakes use; swapped whole by a reload.
    current: RwLock<Arc<ServerContext>>,
    /// How many contexts were built (1 after `new`); tells reloads apart.
    generation: AtomicU64,
}

impl std::fmt::Debug for TlsAcceptor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsAcceptor").field("generation", &self.generation()).finish_non_exhaustive()
    }
}

/// What a successful reload loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reload {
    /// The new context's generation.
    pub generation: u64,
    /// The default certificate now served.
    pub certificate: CertSummary,
    /// Whether it differs from the one served before.
    pub changed: bool,
    /// The `ssl_sni_certs` certificates now served, by host pattern.
    pub sni: Vec<(String, CertSummary)>,
}

impl TlsAcceptor {
    /// Builds the port's context: every file is read and checked now.
    pub fn new(settings: TlsSettings) -> Result<TlsAcceptor, TlsError> {
        let built = context::build(&settings)?;
        Ok(TlsAcceptor { settings, current: RwLock::new(Arc::new(built)), generation: AtomicU64::new(1) })
    }

    /// The settings the context is built from.
    pub fn settings(&self) -> &TlsSettings {
        &self.settings
    }

    /// The default certificate served now.
    pub fn certificate(&self) -> CertSummary {
        self.current().certificate.clone()
    }

    /// The generation of the context served now.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Re-reads the certificate files (and every other file the settings
    /// name) and serves them to new handshakes. On error the old context
    /// stays in place.
    pub fn reload(&self) -> Result<Reload, TlsError> {
        let built = Arc::new(context::build(&self.settings)?);
        let report = {
            let mut current = self.current.write().unwrap_or_else(|e| e.into_inner());
            let changed = current.certificate != built.certificate || current.sni != built.sni;
            *current = built.clone();
            let generation = self.generation.fetch_add(1, Ordering::AcqRel) + 1;
            Reload { generation, certificate: built.certificate.clone(), changed, sni: built.sni.clone() }
        };
        Ok(report)
    }

    /// A session for a connection just accepted on `fd` (non-blocking; the
    /// caller keeps it and closes it). The handshake starts with the first
    /// [`TlsConnection::handshake`] call.
    pub fn accept(&self, fd: RawFd) -> Result<TlsConnection, TlsError> {
        let current = self.current();
        let ssl = Ssl::new(&current.ctx).map_err(library("SSL_new"))?;
        TlsConnection::new(ssl, FdIo::server(fd), Role::Server, current.policy)
            .map_err(|e| TlsError::Library { what: "SSL_set_bio", reason: e.to_string() })
    }

    fn current(&self) -> Arc<ServerContext> {
        self.current.read().unwrap_or_else(|e| e.into_inner()).clone()
    }
}
