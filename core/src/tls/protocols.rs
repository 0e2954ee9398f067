//! `ssl_protocols`: Swoole's `SWOOLE_SSL_*` bit mask turned into the range
//! of TLS versions libssl may negotiate.
//!
//! Swoole passes the mask to libssl as `SSL_OP_NO_*` options and never checks
//! it: unknown bits are ignored and a mask libssl cannot serve makes every
//! handshake fail. Here a mask that cannot work is an error at start.

use super::error::TlsError;
use openssl::ssl::SslVersion;

/// `SWOOLE_SSL_SSLv2`: not in any libssl this links to.
pub const SSL_SSLV2: i64 = 1 << 1;
/// `SWOOLE_SSL_SSLv3`: compiled out of libssl 3.
pub const SSL_SSLV3: i64 = 1 << 2;
/// `SWOOLE_SSL_TLSv1`.
pub const SSL_TLSV1: i64 = 1 << 3;
/// `SWOOLE_SSL_TLSv1_1`.
pub const SSL_TLSV1_1: i64 = 1 << 4;
/// `SWOOLE_SSL_TLSv1_2`.
pub const SSL_TLSV1_2: i64 = 1 << 5;
/// `SWOOLE_SSL_TLSv1_3`.
pub const SSL_TLSV1_3: i64 = 1 << 6;
/// `SWOOLE_SSL_DTLS`: datagram ports only; Swoole drops it from stream ports.
pub const SSL_DTLS: i64 = 1 << 7;

/// Every bit Swoole defines.
const KNOWN: i64 = SSL_SSLV2 | SSL_SSLV3 | SSL_TLSV1 | SSL_TLSV1_1 | SSL_TLSV1_2 | SSL_TLSV1_3 | SSL_DTLS;

/// The TLS bits, oldest first, with their versions and names.
const TLS: [(i64, SslVersion, &str); 4] = [
    (SSL_TLSV1, SslVersion::TLS1, "TLSv1"),
    (SSL_TLSV1_1, SslVersion::TLS1_1, "TLSv1.1"),
    (SSL_TLSV1_2, SslVersion::TLS1_2, "TLSv1.2"),
    (SSL_TLSV1_3, SslVersion::TLS1_3, "TLSv1.3"),
];

/// The versions a context allows: `min..=max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProtocolRange {
    /// The oldest version allowed.
    pub min: SslVersion,
    /// The newest version allowed.
    pub max: SslVersion,
}

/// The range `mask` allows (0: all, as in Swoole). `ciphers` is the
/// `ssl_ciphers` string: TLS 1.0 and 1.1 only work when it lowers libssl's
/// security level to 0 (`@SECLEVEL=0`).
pub fn parse(mask: i64, ciphers: &str) -> Result<ProtocolRange, TlsError> {
    let bad = |reason: String| TlsError::BadProtocols { mask, reason };
    if mask < 0 || mask & !KNOWN != 0 {
        return Err(bad(format!(
            "unknown bits {:#x}: the SWOOLE_SSL_TLSv1 ({SSL_TLSV1}), _TLSv1_1 ({SSL_TLSV1_1}), \
             _TLSv1_2 ({SSL_TLSV1_2}) and _TLSv1_3 ({SSL_TLSV1_3}) flags are the known ones",
            if mask < 0 { mask } else { mask & !KNOWN }
        )));
    }
    // 0 means all; so does DTLS alone, which Swoole strips from a stream port.
    let mask = if mask & !SSL_DTLS == 0 { KNOWN } else { mask };
    let enabled: Vec<usize> = (0..TLS.len()).filter(|&i| mask & TLS[i].0 != 0).collect();
    let (Some(&first), Some(&last)) = (enabled.first(), enabled.last()) else {
        return Err(bad("no TLS version is enabled (SSLv2, SSLv3 and DTLS cannot serve a TCP port)".into()));
    };
    if let Some(hole) = (first..=last).find(|i| !enabled.contains(i)) {
        return Err(bad(format!(
            "{} is missing between {} and {}: libssl negotiates one contiguous range of versions",
            TLS[hole].2, TLS[first].2, TLS[last].2
        )));
    }
    // TLS[2] is TLSv1.2.
    if last < 2 && !ciphers.contains("@SECLEVEL=0") {
        return Err(bad(format!(
            "only {} enabled, which libssl 3 refuses unless ssl_ciphers ends with ':@SECLEVEL=0'",
            enabled.iter().map(|&i| TLS[i].2).collect::<Vec<_>>().join(" and ")
        )));
    }
    Ok(ProtocolRange { min: TLS[first].1, max: TLS[last].1 })
}

/// The range of a client context: as [`parse`], without the security level
/// check (a client only proposes versions).
pub fn parse_client(mask: i64) -> Result<ProtocolRange, TlsError> {
    parse(mask, "@SECLEVEL=0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_and_swoole_all_mean_every_tls_version() {
        let all = ProtocolRange { min: SslVersion::TLS1, max: SslVersion::TLS1_3 };
        assert_eq!(parse(0, "").unwrap(), all);
        let swoole_all = SSL_SSLV2 | SSL_SSLV3 | SSL_TLSV1 | SSL_TLSV1_1 | SSL_TLSV1_2 | SSL_TLSV1_3;
        assert_eq!(parse(swoole_all, "").unwrap(), all);
        assert_eq!(parse(SSL_DTLS, "").unwrap(), all, "DTLS alone on a stream port is dropped, as Swoole does");
    }

    #[test]
    fn single_versions_and_ranges() {
        let r = parse(SSL_TLSV1_2, "").unwrap();
        assert_eq!((r.min, r.max), (SslVersion::TLS1_2, SslVersion::TLS1_2));
        let r = parse(SSL_TLSV1_3, "").unwrap();
        assert_eq!((r.min, r.max), (SslVersion::TLS1_3, SslVersion::TLS1_3));
        let r = parse(SSL_TLSV1_2 | SSL_TLSV1_3 | SSL_SSLV3, "").unwrap();
        assert_eq!((r.min, r.max), (SslVersion::TLS1_2, SslVersion::TLS1_3));
        let r = parse(SSL_TLSV1 | SSL_TLSV1_1, "DEFAULT:@SECLEVEL=0").unwrap();
        assert_eq!((r.min, r.max), (SslVersion::TLS1, SslVersion::TLS1_1));
    }

    #[test]
    fn masks_that_cannot_work_are_refused_with_the_reason() {
        let msg = |m: i64| parse(m, "").unwrap_err().to_string();
        assert!(msg(4096).contains("unknown bits 0x1000"), "{}", msg(4096));
        assert!(msg(-1).contains("unknown bits"));
        assert!(msg(SSL_SSLV2).contains("no TLS version"));
        assert!(msg(SSL_SSLV3 | SSL_DTLS).contains("no TLS version"));
        assert!(msg(SSL_TLSV1 | SSL_TLSV1_3).contains("TLSv1.1 is missing between TLSv1 and TLSv1.3"));
        assert!(msg(SSL_TLSV1_1).contains("@SECLEVEL=0"), "{}", msg(SSL_TLSV1_1));
        assert_eq!(parse(3, "").unwrap_err().setting(), "ssl_protocols");
        assert!(parse_client(SSL_TLSV1).is_ok());
    }
}
