//! `Swoole\Client` over TLS, the PHP side: the `ssl_*` keys of
//! `$client->setting` read as Swoole's client reads them, the handshake
//! after connect (`SWOOLE_SSL`) or on `enableSSL()`, and its failures
//! reported as Swoole's (`errCode`, the connect warning).

use crate::props;
use crate::zend::warning;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::types::{ZendHashTable, Zval};
use std::path::PathBuf;
use swoole_core::client::Client as Conn;
use swoole_core::tls::{ClientTlsSettings, TlsConnector};

/// `SWOOLE_ERROR_SSL_CREATE_CONTEXT_FAILED`: a client setting is bad.
const SSL_CREATE_CONTEXT_FAILED: i64 = 1019;

fn text(z: &Zval) -> Option<String> {
    z.zend_str().map(|s| String::from_utf8_lossy(s.as_bytes()).into_owned()).filter(|s| !s.is_empty())
}

fn long(z: &Zval) -> i64 {
    z.long().or_else(|| z.double().map(|d| d as i64)).or_else(|| text(z).and_then(|t| t.trim().parse().ok())).unwrap_or(0)
}

fn truthy(z: &Zval) -> bool {
    z.bool().or_else(|| z.long().map(|n| n != 0)).or_else(|| text(z).map(|t| t != "0")).unwrap_or(false)
}

/// The client's TLS settings from `$client->setting`.
pub fn settings(setting: Option<&ZendHashTable>) -> ClientTlsSettings {
    let mut s = ClientTlsSettings::default();
    let Some(setting) = setting else { return s };
    for (key, value) in setting.iter() {
        match key.to_string().as_str() {
            "ssl_host_name" => s.host_name = text(value),
            "ssl_verify_peer" => s.verify_peer = truthy(value),
            "ssl_allow_self_signed" => s.allow_self_signed = truthy(value),
            "ssl_cafile" => s.cafile = text(value).map(PathBuf::from),
            "ssl_capath" => s.capath = text(value).map(PathBuf::from),
            "ssl_cert_file" => s.cert_file = text(value).map(PathBuf::from),
            "ssl_key_file" => s.key_file = text(value).map(PathBuf::from),
            "ssl_passphrase" => s.passphrase = text(value),
            "ssl_protocols" => s.protocols = long(value),
            "ssl_ciphers" => s.ciphers = text(value).unwrap_or_default(),
            "ssl_verify_depth" => s.verify_depth = long(value).clamp(0, i32::MAX as i64) as u32,
            _ => {}
        }
    }
    s
}

/// Handshakes over `conn` (connected to `host:port`) with the client's
/// settings. On failure: the warning, `errCode`, and false (the caller
/// drops the connection).
pub fn start(conn: &mut Conn, obj: *mut zend_object, host: &str, port: i64) -> bool {
    let tls = settings(props::get(obj, "setting").and_then(|z| z.array()));
    let connector = match TlsConnector::new(tls) {
        Ok(c) => c,
        Err(e) => {
            set_error(obj, SSL_CREATE_CONTEXT_FAILED);
            warning(&format!("failed to create the TLS context: {e}"));
            return false;
        }
    };
    match conn.start_tls(&connector) {
        Ok(()) => true,
        Err(e) => {
            let code = e.code().0 as i64;
            set_error(obj, code);
            props::set(obj, "errMsg", e.to_string().as_str());
            // Swoole's words, with the reason after them.
            crate::zend::swoole_warning(&format!(
                "connect to server[{host}:{port}] failed. Error: {}[{code}] ({e})",
                swoole_core::error::swoole_strerror(code as i32)
            ));
            false
        }
    }
}

fn set_error(obj: *mut zend_object, code: i64) {
    props::set(obj, "errCode", code);
    crate::process_state::set_last_error(code as i32);
}
