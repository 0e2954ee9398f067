//! Why a handshake or an established session failed, in words a server log
//! can print after the peer's address, and as Swoole's error code.

use super::error::codes;
use super::io::FdIo;
use crate::ErrorCode;
use nix::errno::Errno;
use openssl::ssl::{self, SslRef};
use std::fmt;

/// libssl reason codes (`openssl/sslerr.h`) told apart here.
const SSL_R_CERTIFICATE_VERIFY_FAILED: i32 = 134;
const SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE: i32 = 199;
const SSL_R_UNEXPECTED_EOF_WHILE_READING: i32 = 294;
const SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED: i32 = 1116;

/// A handshake that cannot complete. The connection's libssl state is
/// already freed when this is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandshakeFailure {
    /// The peer's first bytes are not a TLS record: a plaintext client on a
    /// TLS port.
    NotTls {
        /// Up to 16 of the bytes it sent.
        first_bytes: Vec<u8>,
    },
    /// The peer closed the connection before the handshake was done.
    PeerClosed,
    /// The socket failed (`ECONNRESET`, ...).
    Socket(Errno),
    /// The peer sent no certificate and one is required (`ssl_verify_peer`).
    PeerCertificateMissing,
    /// The peer's certificate did not verify.
    PeerCertificateRejected {
        /// libssl's verification error ("unable to get local issuer certificate", ...).
        reason: String,
    },
    /// Any other TLS error ("unsupported protocol", "no shared cipher",
    /// "tlsv1 alert unknown ca", ...).
    Protocol {
        /// libssl's reason.
        reason: String,
    },
    /// The client's handshake did not finish in time.
    TimedOut,
}

impl HandshakeFailure {
    /// Whether a plaintext peer sent what looks like an HTTP request.
    pub fn is_plain_http(&self) -> bool {
        let HandshakeFailure::NotTls { first_bytes } = self else { return false };
        let method = first_bytes.iter().take_while(|b| b.is_ascii_uppercase()).count();
        method >= 3 && first_bytes.get(method) == Some(&b' ')
    }

    /// Swoole's error code for the failure.
    pub fn code(&self) -> ErrorCode {
        match self {
            HandshakeFailure::NotTls { .. } => codes::SSL_BAD_PROTOCOL,
            HandshakeFailure::Socket(_) => codes::SSL_RESET,
            HandshakeFailure::PeerCertificateMissing => codes::SSL_EMPTY_PEER_CERTIFICATE,
            HandshakeFailure::PeerCertificateRejected { .. } => codes::SSL_VERIFY_FAILED,
            HandshakeFailure::PeerClosed | HandshakeFailure::Protocol { .. } | HandshakeFailure::TimedOut => {
                codes::SSL_HANDSHAKE_FAILED
            }
        }
    }

    /// The failure of a libssl handshake step that returned `error`.
    pub(crate) fn classify(error: &ssl::Error, io: &FdIo, ssl: &SslRef) -> HandshakeFailure {
        if let Some(first_bytes) = &io.not_tls {
            return HandshakeFailure::NotTls { first_bytes: first_bytes.clone() };
        }
        match reason_code(error) {
            Some(SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE | SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED) => {
                return HandshakeFailure::PeerCertificateMissing;
            }
            Some(SSL_R_CERTIFICATE_VERIFY_FAILED) => {
                return HandshakeFailure::PeerCertificateRejected {
                    reason: ssl.verify_result().error_string().to_string(),
                };
            }
            _ => {}
        }
        if let Some(errno) = io.error {
            return HandshakeFailure::Socket(errno);
        }
        if io.eof || error.code() == ssl::ErrorCode::ZERO_RETURN {
            return HandshakeFailure::PeerClosed;
        }
        HandshakeFailure::Protocol { reason: reason_text(error) }
    }
}

impl fmt::Display for HandshakeFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HandshakeFailure::NotTls { .. } if self.is_plain_http() => {
                write!(f, "the client sent a plain HTTP request to a TLS port")
            }
            HandshakeFailure::NotTls { first_bytes } => {
                write!(f, "the client does not speak TLS (its first byte is {:#04x})", first_bytes[0])
            }
            HandshakeFailure::PeerClosed => write!(f, "the peer closed the connection during the TLS handshake"),
            HandshakeFailure::Socket(e) => write!(f, "socket error during the TLS handshake: {}", e.desc()),
            HandshakeFailure::PeerCertificateMissing => {
                write!(f, "the peer sent no certificate, and one is required (ssl_verify_peer)")
            }
            HandshakeFailure::PeerCertificateRejected { reason } => {
                write!(f, "the peer's certificate was rejected: {reason}")
            }
            HandshakeFailure::Protocol { reason } => write!(f, "TLS handshake failed: {reason}"),
            HandshakeFailure::TimedOut => write!(f, "the TLS handshake timed out"),
        }
    }
}

impl std::error::Error for HandshakeFailure {}

/// An established session that cannot go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    /// The socket failed.
    Socket(Errno),
    /// The peer broke the protocol (a bad record, a fatal alert).
    Protocol {
        /// libssl's reason.
        reason: String,
    },
    /// The handshake is not done, or the session is closed.
    NotEstablished,
}

impl SessionError {
    /// Swoole's error code (`close_errno`-like) for the failure.
    pub fn code(&self) -> ErrorCode {
        match self {
            SessionError::Socket(_) => codes::SSL_RESET,
            SessionError::Protocol { .. } => codes::SSL_BAD_CLIENT,
            SessionError::NotEstablished => codes::SSL_NOT_READY,
        }
    }

    pub(crate) fn classify(error: &ssl::Error, io: &FdIo) -> SessionError {
        match io.error {
            Some(errno) => SessionError::Socket(errno),
            None => SessionError::Protocol { reason: reason_text(error) },
        }
    }
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionError::Socket(e) => write!(f, "socket error on a TLS session: {}", e.desc()),
            SessionError::Protocol { reason } => write!(f, "TLS protocol error: {reason}"),
            SessionError::NotEstablished => write!(f, "the TLS session is not established"),
        }
    }
}

impl std::error::Error for SessionError {}

/// Whether `error` is a peer that closed without `close_notify`.
pub(crate) fn is_unexpected_eof(error: &ssl::Error, io: &FdIo) -> bool {
    io.eof && io.error.is_none()
        || reason_code(error) == Some(SSL_R_UNEXPECTED_EOF_WHILE_READING)
        || (error.code() == ssl::ErrorCode::SYSCALL && error.io_error().is_none() && error.ssl_error().is_none())
}

/// The libssl reason code of the first error in `error`'s stack.
fn reason_code(error: &ssl::Error) -> Option<i32> {
    error.ssl_error()?.errors().first().map(|e| e.reason_code())
}

/// libssl's reason text, or the kind of error when there is none.
fn reason_text(error: &ssl::Error) -> String {
    error
        .ssl_error()
        .and_then(|s| s.errors().iter().find_map(|e| e.reason()))
        .map(str::to_string)
        .unwrap_or_else(|| error.to_string())
}
