//! What a finished handshake tells about the session and the peer:
//! `getClientInfo()`'s TLS keys, `getPeerCert()`, and the summary of a
//! loaded certificate the server logs at start and on reload.

use openssl::hash::MessageDigest;
use openssl::ssl::SslRef;
use openssl::x509::{X509NameRef, X509Ref};

/// The negotiated session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerInfo {
    /// The protocol version: `TLSv1.2`, `TLSv1.3`.
    pub protocol: &'static str,
    /// The cipher suite, libssl's name (`TLS_AES_256_GCM_SHA384`).
    pub cipher: String,
    /// The cipher's secret bits.
    pub cipher_bits: i32,
    /// The ALPN protocol agreed on, if any.
    pub alpn: Option<String>,
    /// The server name the client asked for (SNI), if any.
    pub server_name: Option<String>,
    /// The client certificate, on a server that asks for one
    /// (`ssl_client_cert_file`) when the client sent one; with
    /// `ssl_verify_peer` it was verified (else the handshake failed).
    pub client_cert: Option<PeerCert>,
}

/// A peer's certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerCert {
    /// PEM text, as `getClientInfo()['ssl_client_cert']` and
    /// `getPeerCert()` give it.
    pub pem: String,
    /// The subject, one line (`/CN=client1/O=Acme`), as PHP's
    /// `openssl_x509_parse()['name']` writes it.
    pub subject: String,
    /// The issuer, the same way.
    pub issuer: String,
    /// Whether libssl verified it against the CA (`ssl_verify_peer`).
    pub verified: bool,
}

/// A loaded certificate, for the log line of a start or a reload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertSummary {
    /// The subject, one line.
    pub subject: String,
    /// The end of validity as libssl prints it (`Jan  2 03:04:05 2027 GMT`).
    pub not_after: String,
    /// SHA-256 of the DER, hex: tells whether a reload changed anything.
    pub fingerprint: String,
}

impl CertSummary {
    pub(crate) fn of(cert: &X509Ref) -> CertSummary {
        let fingerprint = cert
            .digest(MessageDigest::sha256())
            .map(|d| d.iter().map(|b| format!("{b:02x}")).collect())
            .unwrap_or_default();
        CertSummary { subject: one_line(cert.subject_name()), not_after: cert.not_after().to_string(), fingerprint }
    }
}

impl PeerCert {
    pub(crate) fn of(cert: &X509Ref, verified: bool) -> Option<PeerCert> {
        let pem = String::from_utf8(cert.to_pem().ok()?).ok()?;
        Some(PeerCert { pem, subject: one_line(cert.subject_name()), issuer: one_line(cert.issuer_name()), verified })
    }
}

impl PeerInfo {
    /// The session of `ssl`, whose handshake is done; `client_cert` as the
    /// server's policy decided.
    pub(crate) fn of(ssl: &SslRef, client_cert: Option<PeerCert>) -> PeerInfo {
        let cipher = ssl.current_cipher();
        PeerInfo {
            protocol: ssl.version_str(),
            cipher: cipher.map_or_else(String::new, |c| c.name().to_string()),
            cipher_bits: cipher.map_or(0, |c| c.bits().secret),
            alpn: ssl.selected_alpn_protocol().map(|p| String::from_utf8_lossy(p).into_owned()),
            server_name: ssl.servername(openssl::ssl::NameType::HOST_NAME).map(str::to_string),
            client_cert,
        }
    }
}

/// `/K=V/K=V` with libssl's short names (`X509_NAME_oneline`'s form).
pub(crate) fn one_line(name: &X509NameRef) -> String {
    name.entries()
        .map(|e| {
            let key = e.object().nid().short_name().unwrap_or("?");
            let value = e.data().to_string().unwrap_or_default();
            format!("/{key}={value}")
        })
        .collect()
}
