//! The TLS settings of one server port, as the PHP layer fills them from the
//! `set()` array (the port's own, over the server's).

use std::path::PathBuf;

/// Swoole's default `ssl_ciphers` (`SW_SSL_CIPHER_LIST`): the TLS 1.2 and
/// older suites. TLS 1.3 suites are libssl's defaults, as in Swoole.
pub const DEFAULT_CIPHERS: &str = "EECDH+AESGCM:EDH+AESGCM:AES256+EECDH:AES256+EDH";

/// Swoole's default `ssl_ecdh_curve` (`SW_SSL_ECDH_CURVE`): libssl's own list.
pub const DEFAULT_ECDH_CURVE: &str = "auto";

/// The TLS settings of a port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsSettings {
    /// `ssl_cert_file`: the certificate, optionally followed by its chain.
    /// Re-read on every reload.
    pub cert_file: Option<PathBuf>,
    /// `ssl_key_file`: the certificate's private key (may be the same file).
    pub key_file: Option<PathBuf>,
    /// `ssl_passphrase`: decrypts an encrypted `ssl_key_file`.
    pub passphrase: Option<String>,
    /// `ssl_protocols`: a mask of `SWOOLE_SSL_TLSv1*` flags; 0 allows all.
    pub protocols: i64,
    /// `ssl_ciphers`: libssl cipher string for TLS 1.2 and older.
    pub ciphers: String,
    /// `ssl_prefer_server_ciphers`: the server's order wins (Swoole: on).
    pub prefer_server_ciphers: bool,
    /// `ssl_ecdh_curve`: a `:`-separated curve list, or `auto`.
    pub ecdh_curve: String,
    /// `ssl_dhparam`: a PEM file of DH parameters for the `DHE` suites.
    pub dhparam: Option<PathBuf>,
    /// `ssl_client_cert_file`: the CA certificates client certificates are
    /// checked against; setting it makes the server ask for one.
    pub client_cert_file: Option<PathBuf>,
    /// `ssl_verify_peer`: a client without a valid certificate is refused.
    pub verify_peer: bool,
    /// `ssl_verify_depth`: the longest client chain accepted (0: libssl's default).
    pub verify_depth: u32,
    /// `ssl_allow_self_signed`: a self-signed client certificate passes.
    pub allow_self_signed: bool,
    /// `ssl_sni_certs`: other certificates, chosen by the name the client asks for.
    pub sni_certs: Vec<SniCert>,
    /// ALPN protocols the port speaks, preferred first (`http/1.1` on an
    /// HTTP port, as Swoole answers); empty: no ALPN answer.
    pub alpn: Vec<String>,
}

impl Default for TlsSettings {
    fn default() -> Self {
        TlsSettings {
            cert_file: None,
            key_file: None,
            passphrase: None,
            protocols: 0,
            ciphers: DEFAULT_CIPHERS.to_string(),
            prefer_server_ciphers: true,
            ecdh_curve: DEFAULT_ECDH_CURVE.to_string(),
            dhparam: None,
            client_cert_file: None,
            verify_peer: false,
            verify_depth: 0,
            allow_self_signed: false,
            sni_certs: Vec::new(),
            alpn: Vec::new(),
        }
    }
}

/// One entry of `ssl_sni_certs`: `'host' => ['ssl_cert_file' => ..., ...]`.
/// A file it leaves out is the port's (as Swoole copies the port's settings
/// into each entry); every other setting is the port's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SniCert {
    /// The host name the client asks for: exact (any case), or with a `*`
    /// in its left-most label (`*.example.com`, `www*.example.com`).
    pub host: String,
    /// The entry's `ssl_cert_file`.
    pub cert_file: Option<PathBuf>,
    /// The entry's `ssl_key_file`.
    pub key_file: Option<PathBuf>,
    /// The entry's `ssl_passphrase`.
    pub passphrase: Option<String>,
}

impl SniCert {
    /// An entry with its own certificate and key.
    pub fn new(host: impl Into<String>, cert: impl Into<PathBuf>, key: impl Into<PathBuf>) -> SniCert {
        SniCert { host: host.into(), cert_file: Some(cert.into()), key_file: Some(key.into()), passphrase: None }
    }
}

impl TlsSettings {
    /// Settings with a certificate and its key, everything else Swoole's default.
    pub fn new(cert_file: impl Into<PathBuf>, key_file: impl Into<PathBuf>) -> TlsSettings {
        TlsSettings { cert_file: Some(cert_file.into()), key_file: Some(key_file.into()), ..TlsSettings::default() }
    }

    /// The settings an `ssl_sni_certs` entry is built from: the port's, with
    /// the entry's files.
    pub(crate) fn for_sni(&self, entry: &SniCert) -> TlsSettings {
        TlsSettings {
            cert_file: entry.cert_file.clone().or_else(|| self.cert_file.clone()),
            key_file: entry.key_file.clone().or_else(|| self.key_file.clone()),
            passphrase: entry.passphrase.clone().or_else(|| self.passphrase.clone()),
            sni_certs: Vec::new(),
            ..self.clone()
        }
    }
}
