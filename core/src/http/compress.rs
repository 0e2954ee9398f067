//! Response compression: `Accept-Encoding` negotiation and the encoders.
//!
//! Swoole picks by substring (`br`, then `gzip`, then `deflate`) and ignores
//! q-values; we read the header as RFC 9110 says: codings are
//! case-insensitive, `q=0` refuses one, the highest q wins and ties go in
//! Swoole's order (br, gzip, deflate). `x-gzip` counts as gzip, as it does
//! for Swoole. `*` is not honoured (as Swoole).

use std::io::Write;

/// A content coding this server can produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// `br`.
    Brotli,
    /// `gzip`.
    Gzip,
    /// `deflate` (zlib-wrapped, as Swoole and browsers use it).
    Deflate,
}

impl Encoding {
    /// The `Content-Encoding` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
            Encoding::Deflate => "deflate",
        }
    }
}

/// Swoole's defaults: `http_compression_level` 1, `compression_min_length` 20.
pub const DEFAULT_LEVEL: u32 = 1;
/// Bodies shorter than this are sent as they are.
pub const DEFAULT_MIN_LENGTH: usize = 20;

/// The coding to use for a client that sent `accept` (`Accept-Encoding`).
pub fn negotiate(accept: &[u8]) -> Option<Encoding> {
    let mut best: Option<(u16, Encoding)> = None;
    for item in accept.split(|&c| c == b',') {
        let mut parts = item.split(|&c| c == b';');
        let coding = super::request::trim(parts.next().unwrap_or(b""));
        let encoding = if coding.eq_ignore_ascii_case(b"br") {
            Encoding::Brotli
        } else if coding.eq_ignore_ascii_case(b"gzip") || coding.eq_ignore_ascii_case(b"x-gzip") {
            Encoding::Gzip
        } else if coding.eq_ignore_ascii_case(b"deflate") {
            Encoding::Deflate
        } else {
            continue;
        };
        let q = parts
            .find_map(|p| parse_q(super::request::trim(p)))
            .unwrap_or(1000);
        let rank = |e: Encoding| match e {
            Encoding::Brotli => 0,
            Encoding::Gzip => 1,
            Encoding::Deflate => 2,
        };
        if q > 0 && best.is_none_or(|(bq, be)| q > bq || (q == bq && rank(encoding) < rank(be))) {
            best = Some((q, encoding));
        }
    }
    best.map(|(_, e)| e)
}

/// `q=0.5` as thousandths.
fn parse_q(p: &[u8]) -> Option<u16> {
    let v = p.strip_prefix(b"q=").or_else(|| p.strip_prefix(b"Q="))?;
    let s = std::str::from_utf8(v).ok()?;
    let f: f32 = s.trim().parse().ok()?;
    (0.0..=1.0)
        .contains(&f)
        .then(|| (f * 1000.0).round() as u16)
}

/// Whether a body of `content_type` may be compressed: `types` is
/// `http_compression_types` (empty: every type, as Swoole); a type matches
/// without its parameters, case-insensitively.
pub fn type_allowed(content_type: &[u8], types: &[Vec<u8>]) -> bool {
    if types.is_empty() {
        return true;
    }
    let bare = super::request::trim(content_type.split(|&c| c == b';').next().unwrap_or(b""));
    types.iter().any(|t| t.eq_ignore_ascii_case(bare))
}

/// Compresses `data` at `level` (1-9; brotli's quality scale is 0-11 and
/// takes the level as it is).
pub fn compress(encoding: Encoding, data: &[u8], level: u32) -> std::io::Result<Vec<u8>> {
    let level = level.clamp(1, 9);
    match encoding {
        Encoding::Gzip => {
            let mut e = flate2::write::GzEncoder::new(
                Vec::with_capacity(data.len() / 2),
                flate2::Compression::new(level),
            );
            e.write_all(data)?;
            e.finish()
        }
        Encoding::Deflate => {
            let mut e = flate2::write::ZlibEncoder::new(
                Vec::with_capacity(data.len() / 2),
                flate2::Compression::new(level),
            );
            e.write_all(data)?;
            e.finish()
        }
        Encoding::Brotli => {
            let mut out = Vec::with_capacity(data.len() / 2);
            {
                let mut w = brotli::CompressorWriter::new(&mut out, 4096, level, 22);
                w.write_all(data)?;
            }
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn negotiation() {
        assert_eq!(negotiate(b"gzip"), Some(Encoding::Gzip));
        assert_eq!(negotiate(b"deflate"), Some(Encoding::Deflate));
        assert_eq!(negotiate(b"gzip, deflate, br"), Some(Encoding::Brotli));
        assert_eq!(negotiate(b"x-gzip"), Some(Encoding::Gzip));
        assert_eq!(negotiate(b"GZIP"), Some(Encoding::Gzip));
        assert_eq!(
            negotiate(b"gzip;q=0.1, deflate;q=0.9"),
            Some(Encoding::Deflate)
        );
        assert_eq!(negotiate(b"gzip;q=0"), None);
        assert_eq!(negotiate(b"br;q=0, gzip"), Some(Encoding::Gzip));
        assert_eq!(negotiate(b"identity"), None);
        assert_eq!(negotiate(b"*"), None);
        assert_eq!(negotiate(b""), None);
    }

    #[test]
    fn types() {
        let types = vec![b"application/json".to_vec(), b"text/html".to_vec()];
        assert!(type_allowed(b"application/json; charset=utf-8", &types));
        assert!(!type_allowed(b"image/png", &types));
        assert!(type_allowed(b"image/png", &[]));
    }

    #[test]
    fn round_trips() {
        let data = b"abcdefghij".repeat(1000);
        let gz = compress(Encoding::Gzip, &data, 1).unwrap();
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, data);
        assert!(gz.len() < 200);
        let z = compress(Encoding::Deflate, &data, 9).unwrap();
        back.clear();
        flate2::read::ZlibDecoder::new(&z[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, data);
        let br = compress(Encoding::Brotli, &data, 1).unwrap();
        back.clear();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, data);
    }
}
