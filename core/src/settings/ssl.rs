//! The `ssl_*` keys of a server's (or port's) `set()` array, read into the
//! port's [`TlsSettings`] as Swoole reads them (`ListenPort::ssl_init`'s
//! inputs, `Swoole\Server\Port::set()`). The files are only named here;
//! they are read, and a bad one reported naming its setting, when `start()`
//! builds the port's context ([`crate::tls::TlsAcceptor::new`]).
//!
//! `ssl_sni_certs` takes an array, which this layer cannot see: the PHP
//! layer fills [`TlsSettings::sni_certs`] itself.

use super::value::{boolean, int_in, string, SettingError, SettingValue};
use crate::tls::TlsSettings;
use std::path::PathBuf;

/// The deepest `ssl_verify_depth` libssl takes (an `int`).
const MAX_VERIFY_DEPTH: i64 = i32::MAX as i64;

/// Applies one `ssl_*` key to `tls`. Keys Swoole's server ports accept
/// without acting on them here (`ssl_compress`: Debian's libssl has no
/// compression at all; `ssl_cafile`/`ssl_capath`: see docs/COMPATIBILITY.md)
/// are checked for their type only.
pub(super) fn apply(tls: &mut TlsSettings, key: &str, value: &SettingValue) -> Result<(), SettingError> {
    match key {
        "ssl_cert_file" => tls.cert_file = path(key, value)?,
        "ssl_key_file" => tls.key_file = path(key, value)?,
        "ssl_dhparam" => tls.dhparam = path(key, value)?,
        "ssl_client_cert_file" => tls.client_cert_file = path(key, value)?,
        "ssl_protocols" => tls.protocols = int_in(key, value, 0, i64::MAX)?,
        "ssl_ciphers" => tls.ciphers = string(key, value)?.to_string(),
        "ssl_ecdh_curve" => tls.ecdh_curve = string(key, value)?.to_string(),
        "ssl_prefer_server_ciphers" => tls.prefer_server_ciphers = boolean(key, value)?,
        "ssl_verify_peer" => tls.verify_peer = boolean(key, value)?,
        "ssl_allow_self_signed" => tls.allow_self_signed = boolean(key, value)?,
        "ssl_verify_depth" => tls.verify_depth = int_in(key, value, 0, MAX_VERIFY_DEPTH)? as u32,
        "ssl_sni_certs" if matches!(value, SettingValue::Compound) => {}
        // Swoole's warning; the server still starts.
        "ssl_sni_certs" => {
            return Err(SettingError::WrongType { key: key.into(), expected: "array", given: value.type_name() });
        }
        "ssl_compress" => {
            boolean(key, value)?;
        }
        "ssl_cafile" | "ssl_capath" => {
            path(key, value)?;
        }
        _ => {}
    }
    Ok(())
}

/// The `ssl_*` keys that act on a TLS port, with their defaults (`php --ri swoole`).
pub(super) fn defaults() -> Vec<(&'static str, String)> {
    let d = TlsSettings::default();
    let none = || "(none)".to_string();
    vec![
        ("ssl_cert_file", none()),
        ("ssl_key_file", none()),
        ("ssl_protocols", "0 (TLS 1.2 and 1.3)".into()),
        ("ssl_ciphers", d.ciphers),
        ("ssl_prefer_server_ciphers", d.prefer_server_ciphers.to_string()),
        ("ssl_ecdh_curve", d.ecdh_curve),
        ("ssl_dhparam", none()),
        ("ssl_client_cert_file", none()),
        ("ssl_verify_peer", d.verify_peer.to_string()),
        ("ssl_verify_depth", "0 (libssl's)".into()),
        ("ssl_allow_self_signed", d.allow_self_signed.to_string()),
        ("ssl_sni_certs", "(none)".into()),
    ]
}

/// A file setting: a path, or `None` for `null`/`''` (unset).
fn path(key: &str, value: &SettingValue) -> Result<Option<PathBuf>, SettingError> {
    if matches!(value, SettingValue::Null) {
        return Ok(None);
    }
    let text = string(key, value)?;
    Ok((!text.is_empty()).then(|| PathBuf::from(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_and_flags_land_in_the_port_settings() {
        let mut t = TlsSettings::default();
        apply(&mut t, "ssl_cert_file", &SettingValue::Str("/c.crt".into())).unwrap();
        apply(&mut t, "ssl_key_file", &SettingValue::Str("/c.key".into())).unwrap();
        apply(&mut t, "ssl_protocols", &SettingValue::Int(64)).unwrap();
        apply(&mut t, "ssl_verify_peer", &SettingValue::Bool(true)).unwrap();
        apply(&mut t, "ssl_verify_depth", &SettingValue::Str("3".into())).unwrap();
        assert_eq!(t.cert_file, Some(PathBuf::from("/c.crt")));
        assert_eq!(t.key_file, Some(PathBuf::from("/c.key")));
        assert_eq!((t.protocols, t.verify_peer, t.verify_depth), (64, true, 3));
        apply(&mut t, "ssl_cert_file", &SettingValue::Str(String::new())).unwrap();
        assert_eq!(t.cert_file, None);
    }

    #[test]
    fn wrong_types_are_refused_by_name() {
        let mut t = TlsSettings::default();
        let e = apply(&mut t, "ssl_sni_certs", &SettingValue::Str("x".into())).unwrap_err();
        assert!(e.to_string().contains("ssl_sni_certs"), "{e}");
        assert!(apply(&mut t, "ssl_protocols", &SettingValue::Int(-1)).is_err());
        assert!(apply(&mut t, "ssl_sni_certs", &SettingValue::Compound).is_ok());
    }
}
