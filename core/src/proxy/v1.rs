//! Version 1: one line of text, `PROXY <TCP4|TCP6|UNKNOWN> <src> <dst>
//! <sport> <dport>\r\n`, fields separated by single spaces, at most 107 bytes
//! with its CRLF. After `UNKNOWN` the rest of the line is ignored.

use super::header::{prefix_matches, Addresses, Command, Parse, ProxyHeader, Transport};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// How every v1 header starts.
pub const SIGNATURE: &[u8] = b"PROXY ";

/// The longest line, CRLF included.
pub const MAX_LEN: usize = 107;

/// Reads a v1 header at the start of `buf`.
pub fn parse(buf: &[u8]) -> Parse {
    if !prefix_matches(buf, SIGNATURE) {
        return Parse::Invalid("not a PROXY protocol v1 header");
    }
    let window = &buf[..buf.len().min(MAX_LEN)];
    // Only printable ASCII and single spaces may come before the CRLF.
    let Some(end) = window.iter().position(|&b| !(b' '..=b'~').contains(&b)) else {
        return if buf.len() >= MAX_LEN { Parse::Invalid("PROXY v1 line longer than 107 bytes") } else { Parse::Incomplete };
    };
    match window.get(end..end + 2) {
        Some(b"\r\n") => {}
        Some(_) => return Parse::Invalid("PROXY v1 line holds a byte that is not text"),
        None if window[end] == b'\r' && buf.len() < MAX_LEN => return Parse::Incomplete,
        None if window[end] == b'\r' => return Parse::Invalid("PROXY v1 line longer than 107 bytes"),
        None => return Parse::Invalid("PROXY v1 line holds a byte that is not text"),
    }
    if end < SIGNATURE.len() {
        return Parse::Invalid("PROXY v1 line without a protocol");
    }
    let line = std::str::from_utf8(&window[SIGNATURE.len()..end]).expect("checked ASCII");
    match line_header(line) {
        Ok(header) => Parse::Done { header, consumed: end + 2 },
        Err(reason) => Parse::Invalid(reason),
    }
}

fn line_header(line: &str) -> Result<ProxyHeader, &'static str> {
    if line == "UNKNOWN" || line.starts_with("UNKNOWN ") {
        return Ok(ProxyHeader {
            version: 1,
            command: Command::Proxy,
            transport: Transport::Unspec,
            addresses: Addresses::Unknown,
            tlvs: Vec::new(),
        });
    }
    let fields: Vec<&str> = line.split(' ').collect();
    let [proto, src, dst, sport, dport] = fields[..] else {
        return Err("PROXY v1 line does not have 5 fields");
    };
    let (src, dst): (IpAddr, IpAddr) = match proto {
        "TCP4" => (
            src.parse::<Ipv4Addr>().map_err(|_| "PROXY v1 source is not an IPv4 address")?.into(),
            dst.parse::<Ipv4Addr>().map_err(|_| "PROXY v1 destination is not an IPv4 address")?.into(),
        ),
        "TCP6" => (
            src.parse::<Ipv6Addr>().map_err(|_| "PROXY v1 source is not an IPv6 address")?.into(),
            dst.parse::<Ipv6Addr>().map_err(|_| "PROXY v1 destination is not an IPv6 address")?.into(),
        ),
        _ => return Err("PROXY v1 protocol is not TCP4, TCP6 or UNKNOWN"),
    };
    let source = SocketAddr::new(src, port(sport)?);
    let destination = SocketAddr::new(dst, port(dport)?);
    Ok(ProxyHeader {
        version: 1,
        command: Command::Proxy,
        transport: Transport::Stream,
        addresses: Addresses::Inet { source, destination },
        tlvs: Vec::new(),
    })
}

/// A decimal port, 0-65535, of at most 5 digits.
fn port(s: &str) -> Result<u16, &'static str> {
    if s.is_empty() || s.len() > 5 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err("PROXY v1 port is not a number from 0 to 65535");
    }
    s.parse().map_err(|_| "PROXY v1 port is not a number from 0 to 65535")
}
