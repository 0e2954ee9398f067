//! What can be wrong with TLS settings: one variant per kind of mistake, each
//! naming the `set()` key it comes from, so `start()` (and a reload) can say
//! exactly what to fix.

use crate::ErrorCode;
use openssl::error::ErrorStack;
use std::fmt;
use std::path::{Path, PathBuf};

/// Swoole's TLS error codes (`include/swoole_error.h`, `SWOOLE_ERROR_SSL_*`).
pub mod codes {
    use crate::ErrorCode;
    pub const SSL_NOT_READY: ErrorCode = ErrorCode(1011);
    pub const SSL_CANNOT_USE_SENFILE: ErrorCode = ErrorCode(1012);
    pub const SSL_EMPTY_PEER_CERTIFICATE: ErrorCode = ErrorCode(1013);
    pub const SSL_VERIFY_FAILED: ErrorCode = ErrorCode(1014);
    pub const SSL_BAD_CLIENT: ErrorCode = ErrorCode(1015);
    pub const SSL_BAD_PROTOCOL: ErrorCode = ErrorCode(1016);
    pub const SSL_RESET: ErrorCode = ErrorCode(1017);
    pub const SSL_HANDSHAKE_FAILED: ErrorCode = ErrorCode(1018);
    pub const SSL_CREATE_CONTEXT_FAILED: ErrorCode = ErrorCode(1019);
    pub const SSL_CREATE_SESSION_FAILED: ErrorCode = ErrorCode(1020);
}

/// A TLS setting that cannot be used. `Display` is the whole message, ready
/// for the warning `start()` prints; [`TlsError::setting`] is the key at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TlsError {
    /// A setting the others need is absent (`ssl_cert_file` without
    /// `ssl_key_file`, or a SSL port with neither).
    Missing {
        /// The key to add.
        setting: &'static str,
        /// Why it is needed.
        why: &'static str,
    },
    /// The path does not exist.
    FileNotFound {
        /// The key holding the path.
        setting: &'static str,
        /// The path as given.
        path: PathBuf,
    },
    /// The path exists but cannot be read (permissions, a directory, ...).
    FileUnreadable {
        /// The key holding the path.
        setting: &'static str,
        /// The path as given.
        path: PathBuf,
        /// The system's reason.
        reason: String,
    },
    /// The file was read but does not hold what the setting needs.
    BadFile {
        /// The key holding the path.
        setting: &'static str,
        /// The path as given.
        path: PathBuf,
        /// What the file should hold ("a PEM certificate", ...).
        expected: &'static str,
        /// libssl's reason ("no start line", ...).
        reason: String,
    },
    /// `ssl_key_file` is encrypted and no `ssl_passphrase` was given.
    EncryptedKey {
        /// The key file.
        path: PathBuf,
    },
    /// `ssl_passphrase` does not decrypt `ssl_key_file`.
    BadPassphrase {
        /// The key file.
        path: PathBuf,
    },
    /// The private key is not the key of the certificate.
    KeyMismatch {
        /// `ssl_cert_file`.
        cert: PathBuf,
        /// `ssl_key_file`.
        key: PathBuf,
    },
    /// `ssl_ciphers` selects no cipher libssl knows.
    BadCiphers {
        /// The string as given.
        ciphers: String,
        /// libssl's reason.
        reason: String,
    },
    /// `ssl_protocols` is not a usable `SWOOLE_SSL_*` mask.
    BadProtocols {
        /// The mask as given.
        mask: i64,
        /// What is wrong with it.
        reason: String,
    },
    /// `ssl_ecdh_curve` names a curve libssl does not know.
    BadCurve {
        /// The list as given.
        curves: String,
        /// libssl's reason.
        reason: String,
    },
    /// `ssl_verify_peer` on a server without `ssl_client_cert_file`: there is
    /// no CA to verify client certificates against.
    VerifyPeerWithoutCa,
    /// A host name key of `ssl_sni_certs` that can never match.
    BadSniHost {
        /// The key as given.
        host: String,
        /// Why it cannot match.
        reason: &'static str,
    },
    /// An entry of `ssl_sni_certs` is wrong.
    Sni {
        /// The entry's host name.
        host: String,
        /// What is wrong with it.
        source: Box<TlsError>,
    },
    /// libssl failed where it should not (out of memory, ...).
    Library {
        /// The operation.
        what: &'static str,
        /// libssl's reason.
        reason: String,
    },
}

impl TlsError {
    /// The `set()` key the error is about.
    pub fn setting(&self) -> &'static str {
        match self {
            TlsError::Missing { setting, .. }
            | TlsError::FileNotFound { setting, .. }
            | TlsError::FileUnreadable { setting, .. }
            | TlsError::BadFile { setting, .. } => setting,
            TlsError::EncryptedKey { .. } | TlsError::BadPassphrase { .. } => "ssl_passphrase",
            TlsError::KeyMismatch { .. } => "ssl_key_file",
            TlsError::BadCiphers { .. } => "ssl_ciphers",
            TlsError::BadProtocols { .. } => "ssl_protocols",
            TlsError::BadCurve { .. } => "ssl_ecdh_curve",
            TlsError::VerifyPeerWithoutCa => "ssl_verify_peer",
            TlsError::BadSniHost { .. } | TlsError::Sni { .. } => "ssl_sni_certs",
            TlsError::Library { .. } => "ssl",
        }
    }

    /// Swoole's code for a context that could not be made.
    pub fn code(&self) -> ErrorCode {
        codes::SSL_CREATE_CONTEXT_FAILED
    }

    /// The error inside an `ssl_sni_certs` entry named `host`.
    pub(crate) fn in_sni(self, host: &str) -> TlsError {
        TlsError::Sni { host: host.to_string(), source: Box::new(self) }
    }
}

impl fmt::Display for TlsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TlsError::Missing { setting, why } => write!(f, "{setting} is required: {why}"),
            TlsError::FileNotFound { setting, path } => {
                write!(f, "{setting} '{}' does not exist", path.display())
            }
            TlsError::FileUnreadable { setting, path, reason } => {
                write!(f, "{setting} '{}' cannot be read: {reason}", path.display())
            }
            TlsError::BadFile { setting, path, expected, reason } => {
                write!(f, "{setting} '{}' does not hold {expected} ({reason})", path.display())
            }
            TlsError::EncryptedKey { path } => write!(
                f,
                "ssl_key_file '{}' is encrypted: set ssl_passphrase to its passphrase",
                path.display()
            ),
            TlsError::BadPassphrase { path } => {
                write!(f, "ssl_passphrase does not decrypt ssl_key_file '{}'", path.display())
            }
            TlsError::KeyMismatch { cert, key } => write!(
                f,
                "ssl_key_file '{}' is not the private key of the certificate in ssl_cert_file '{}'",
                key.display(),
                cert.display()
            ),
            TlsError::BadCiphers { ciphers, reason } => {
                write!(f, "ssl_ciphers '{ciphers}' selects no cipher ({reason})")
            }
            TlsError::BadProtocols { mask, reason } => write!(f, "ssl_protocols {mask}: {reason}"),
            TlsError::BadCurve { curves, reason } => {
                write!(f, "ssl_ecdh_curve '{curves}' is not a list of curves libssl knows ({reason})")
            }
            TlsError::VerifyPeerWithoutCa => write!(
                f,
                "ssl_verify_peer needs ssl_client_cert_file: the CA certificates that sign the client certificates"
            ),
            TlsError::BadSniHost { host, reason } => write!(f, "ssl_sni_certs key '{host}': {reason}"),
            TlsError::Sni { host, source } => write!(f, "ssl_sni_certs['{host}']: {source}"),
            TlsError::Library { what, reason } => write!(f, "{what} failed: {reason}"),
        }
    }
}

impl std::error::Error for TlsError {}

/// libssl's reason for the first error of a stack ("no start line", ...).
pub(crate) fn reason(stack: &ErrorStack) -> String {
    stack
        .errors()
        .iter()
        .find_map(|e| e.reason().map(str::to_string))
        .unwrap_or_else(|| "unknown libssl error".to_string())
}

/// A `Library` error for an operation that should not fail.
pub(crate) fn library(what: &'static str) -> impl FnOnce(ErrorStack) -> TlsError {
    move |stack| TlsError::Library { what, reason: reason(&stack) }
}

/// A `BadFile` error for `path` of `setting`.
pub(crate) fn bad_file(setting: &'static str, path: &Path, expected: &'static str, reason: String) -> TlsError {
    TlsError::BadFile { setting, path: path.to_path_buf(), expected, reason }
}
