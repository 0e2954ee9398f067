//! The server's TLS ports in this process, and certificate reload without
//! a restart.
//!
//! `start()` registers each `SWOOLE_SSL` port's [`TlsAcceptor`] before the
//! first fork, so every process has its own copy. A reload (`reload()`,
//! SIGUSR1) runs in the manager ([`reload_all`]): the workers it forks
//! next inherit the new contexts (BASE mode, where workers handshake). It
//! also moves a counter in shared memory, which the PROCESS-mode master
//! (whose reactor threads handshake) follows ([`follow`]). Established
//! sessions keep the context they started with.

use super::acceptor::TlsAcceptor;
use crate::shm::SharedSlice;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// One TLS port: how the log names it, and its context.
struct Entry {
    /// `host:port`, for the reload's log lines.
    label: String,
    /// The port's context (shared with the reactors of this process).
    acceptor: Arc<TlsAcceptor>,
}

/// This process's TLS ports, and the reloads it has carried out.
struct Registry {
    /// Every TLS port of the server.
    entries: Vec<Entry>,
    /// Reloads requested server-wide (shared by every process of the server).
    requested: SharedSlice<AtomicU64>,
    /// How many of them this process has carried out.
    done: u64,
}

static REGISTRY: Mutex<Option<Registry>> = Mutex::new(None);

/// Registers the server's TLS ports (before fork); replaces an earlier server's.
pub fn install(ports: Vec<(String, Arc<TlsAcceptor>)>) -> std::io::Result<()> {
    let entries: Vec<Entry> = ports.into_iter().map(|(label, acceptor)| Entry { label, acceptor }).collect();
    let mut r = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
    *r = if entries.is_empty() { None } else { Some(Registry { entries, requested: SharedSlice::new(1)?, done: 0 }) };
    Ok(())
}

/// Forgets the server's TLS ports (the server stopped).
pub fn clear() {
    *REGISTRY.lock().unwrap_or_else(|e| e.into_inner()) = None;
}

/// Re-reads every TLS port's files here and asks the server's other
/// processes to do so (the master follows); logs each port's result.
pub fn reload_all() {
    let mut r = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
    let Some(reg) = r.as_mut() else { return };
    let now = reg.requested[0].fetch_add(1, Ordering::AcqRel) + 1;
    reg.done = now;
    reload_here(reg);
}

/// Carries out the reloads requested elsewhere since the last look (the
/// PROCESS-mode master calls this on every turn of its loop: cheap).
pub fn follow() {
    let mut r = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
    let Some(reg) = r.as_mut() else { return };
    let requested = reg.requested[0].load(Ordering::Acquire);
    if requested != reg.done {
        reg.done = requested;
        reload_here(reg);
    }
}

fn reload_here(reg: &Registry) {
    for e in &reg.entries {
        match e.acceptor.reload() {
            Ok(r) => crate::log::info(&format!(
                "TLS port {}: certificate reloaded ({}, valid until {}{})",
                e.label,
                r.certificate.subject,
                r.certificate.not_after,
                if r.changed { "" } else { ", unchanged" }
            )),
            Err(err) => crate::log::put_code(crate::log::LOG_WARNING, err.code().0, &format!(
                "TLS port {}: certificate reload failed, the previous certificate is still served: {err}",
                e.label
            )),
        }
    }
}
