//! The PHP side of a `SWOOLE_SSL` port's settings: `ssl_sni_certs` (an
//! array the core's setting values cannot carry), and the contexts
//! `start()` builds before fork, a bad setting reported by name.

use ext_php_rs::types::Zval;
use std::path::PathBuf;
use std::sync::Arc;
use swoole_core::tls::{SniCert, TlsAcceptor, TlsSettings};

/// `ssl_sni_certs => ['host' => ['ssl_cert_file' => ..., 'ssl_key_file' => ...], ...]`
/// into `tls` (any other key, or a value that is no array, is left alone:
/// the core's `apply()` reports it).
pub fn sni_certs(tls: &mut TlsSettings, key: &str, value: &Zval) {
    if key != "ssl_sni_certs" {
        return;
    }
    let Some(hosts) = value.array() else { return };
    let text = |entry: &ext_php_rs::types::ZendHashTable, k: &str| {
        entry.get(k).and_then(|z| z.zend_str()).map(|s| String::from_utf8_lossy(s.as_bytes()).into_owned())
    };
    tls.sni_certs = hosts
        .iter()
        .filter_map(|(host, entry)| {
            let entry = entry.array()?;
            Some(SniCert {
                host: host.to_string(),
                cert_file: text(entry, "ssl_cert_file").map(PathBuf::from),
                key_file: text(entry, "ssl_key_file").map(PathBuf::from),
                passphrase: text(entry, "ssl_passphrase"),
            })
        })
        .collect();
}

/// Builds a TLS port's context (every file read and checked now, before
/// fork); the error names the port and the setting.
pub fn acceptor(label: &str, tls: &TlsSettings) -> Result<Arc<TlsAcceptor>, String> {
    if tls.cert_file.is_none() && tls.key_file.is_none() && tls.sni_certs.is_empty() {
        return Err(format!(
            "TLS port {label}: a SWOOLE_SSL port requires the ssl_cert_file and ssl_key_file settings"
        ));
    }
    match TlsAcceptor::new(tls.clone()) {
        Ok(a) => Ok(Arc::new(a)),
        Err(e) => Err(format!("TLS port {label}: {e}")),
    }
}
