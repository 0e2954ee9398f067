//! Reading the PEM files the settings name, with an error that says which
//! setting, which path and what is wrong: missing, unreadable, or not what the
//! setting needs. Files are read here, never by libssl, so the reason is ours.

use super::error::{TlsError, bad_file, reason};
use openssl::dh::Dh;
use openssl::pkey::{Params, PKey, Private};
use openssl::x509::X509;
use std::io;
use std::path::Path;

/// The bytes of the file `setting` names.
pub(crate) fn read(setting: &'static str, path: &Path) -> Result<Vec<u8>, TlsError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            Err(TlsError::FileNotFound { setting, path: path.to_path_buf() })
        }
        Err(e) => Err(TlsError::FileUnreadable { setting, path: path.to_path_buf(), reason: io_reason(&e) }),
    }
}

/// The system's words for an I/O error, without Rust's "(os error N)".
fn io_reason(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(errno) => nix::errno::Errno::from_raw(errno).desc().to_string(),
        None => e.to_string(),
    }
}

/// The certificates of a PEM file, the leaf first (a chain file lists the
/// leaf, then the intermediates). Other PEM blocks (a key) are skipped.
pub(crate) fn certificates(setting: &'static str, path: &Path) -> Result<Vec<X509>, TlsError> {
    let bytes = read(setting, path)?;
    match X509::stack_from_pem(&bytes) {
        Ok(certs) if !certs.is_empty() => Ok(certs),
        Ok(_) => Err(bad_file(setting, path, "a PEM certificate", "no BEGIN CERTIFICATE block".into())),
        Err(stack) => Err(bad_file(setting, path, "a PEM certificate", reason(&stack))),
    }
}

/// The private key of `path` (`ssl_key_file`), decrypted with `passphrase`.
/// libssl is never left to ask for a passphrase on the terminal.
pub(crate) fn private_key(path: &Path, passphrase: Option<&str>) -> Result<PKey<Private>, TlsError> {
    const SETTING: &str = "ssl_key_file";
    let bytes = read(SETTING, path)?;
    let encrypted = contains(&bytes, b"ENCRYPTED");
    let key = PKey::private_key_from_pem_callback(&bytes, |buf| {
        let pass = passphrase.unwrap_or("").as_bytes();
        if pass.len() > buf.len() {
            return Ok(0);
        }
        buf[..pass.len()].copy_from_slice(pass);
        Ok(pass.len())
    });
    match key {
        Ok(key) => Ok(key),
        Err(_) if encrypted && passphrase.is_none() => Err(TlsError::EncryptedKey { path: path.to_path_buf() }),
        Err(_) if encrypted => Err(TlsError::BadPassphrase { path: path.to_path_buf() }),
        Err(stack) => Err(bad_file(SETTING, path, "a PEM private key", reason(&stack))),
    }
}

/// The Diffie-Hellman parameters of `ssl_dhparam`.
pub(crate) fn dh_params(path: &Path) -> Result<Dh<Params>, TlsError> {
    const SETTING: &str = "ssl_dhparam";
    let bytes = read(SETTING, path)?;
    Dh::params_from_pem(&bytes).map_err(|stack| bad_file(SETTING, path, "PEM DH parameters", reason(&stack)))
}

/// Whether `needle` occurs in `haystack`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
