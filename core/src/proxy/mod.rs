//! The PROXY protocol (HAProxy's specification, versions 1 and 2): the
//! header a load balancer sends first on a connection, naming the real
//! client. Swoole has no such support; this follows the specification.
//!
//! - [`v1`]: the text line (`PROXY TCP4 ...\r\n`, at most 107 bytes).
//! - [`v2`]: the binary header (12-byte signature, command, family,
//!   addresses, TLVs; its CRC32C checked when sent).
//! - [`trusted`]: which peers may send a header (`proxy_protocol_trusted`).
//!
//! [`parse`] is check-then-parse over the connection's first bytes: it
//! returns [`Parse::Incomplete`] while a valid header may still be on its way
//! (never past [`ProxyConfig::max_header`] bytes), [`Parse::Done`] with the
//! header and the bytes it took (what follows is the application's), or
//! [`Parse::Invalid`] with a reason as soon as the bytes cannot become one.

pub mod stage;
pub mod trusted;
pub mod v1;
pub mod v2;

use crate::settings::SettingValue;
use std::net::SocketAddr;

pub use trusted::{Cidr, TrustedSources};

/// Seconds to wait for the header (`proxy_protocol_timeout`'s default).
pub const DEFAULT_TIMEOUT_SECS: f64 = 3.0;

/// The longest header accepted by default: a v2 header's addresses and TLVs
/// (AWS, Azure, GCP and HAProxy's SSL TLVs all fit).
pub const DEFAULT_MAX_HEADER: usize = 4096;

/// Which versions a port accepts (`open_proxy_protocol`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Versions {
    /// `true`: either.
    Any,
    /// `1`: the text header only.
    V1,
    /// `2`: the binary header only.
    V2,
}

impl Versions {
    /// Reads `open_proxy_protocol`: `true` for either version, `1` or `2` for
    /// one; `false`, `0` or null turn it off (`None`).
    pub fn from_setting(value: &SettingValue) -> Result<Option<Versions>, &'static str> {
        match value {
            SettingValue::Null | SettingValue::Bool(false) | SettingValue::Int(0) => Ok(None),
            SettingValue::Bool(true) => Ok(Some(Versions::Any)),
            SettingValue::Int(1) => Ok(Some(Versions::V1)),
            SettingValue::Int(2) => Ok(Some(Versions::V2)),
            SettingValue::Str(s) => match s.trim() {
                "" | "0" => Ok(None),
                "1" => Ok(Some(Versions::V1)),
                "2" => Ok(Some(Versions::V2)),
                _ => Err("open_proxy_protocol must be true, 1 or 2"),
            },
            _ => Err("open_proxy_protocol must be true, 1 or 2"),
        }
    }

    fn v1(self) -> bool {
        self != Versions::V2
    }

    fn v2(self) -> bool {
        self != Versions::V1
    }
}

/// How a port reads PROXY headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProxyConfig {
    /// The versions accepted.
    pub versions: Versions,
    /// The longest v2 header (16 bytes and its length field); a longer one
    /// is refused before it is buffered. v1 lines are 107 bytes at most.
    pub max_header: usize,
}

impl ProxyConfig {
    pub fn new(versions: Versions) -> ProxyConfig {
        ProxyConfig { versions, max_header: DEFAULT_MAX_HEADER }
    }
}

/// The command of a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Relayed for a client: the addresses are the client's.
    Proxy,
    /// The balancer's own connection (health checks): keep the real endpoints.
    Local,
}

/// The transport the balancer relayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// Unknown or unsaid (v1 `UNKNOWN`, v2 `UNSPEC`, LOCAL).
    Unspec,
    /// TCP (or a UNIX stream).
    Stream,
    /// UDP (or a UNIX datagram socket).
    Datagram,
}

/// A UNIX socket path from a v2 header: 108 bytes, NUL-padded.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct UnixPath(pub [u8; 108]);

impl UnixPath {
    /// The path up to its first NUL (an abstract socket's starts with one,
    /// so it is kept up to the last non-NUL byte instead).
    pub fn path(&self) -> &[u8] {
        let raw = &self.0[..];
        if raw.first() == Some(&0) {
            let end = raw.iter().rposition(|&b| b != 0).map_or(0, |e| e + 1);
            return &raw[..end];
        }
        let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
        &raw[..end]
    }
}

impl std::fmt::Debug for UnixPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "UnixPath({:?})", String::from_utf8_lossy(self.path()))
    }
}

/// Who the connection is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Addresses {
    /// No usable address (v1 `UNKNOWN`, v2 `UNSPEC` or LOCAL): keep the
    /// connection's own.
    Unknown,
    /// The client (`source`) and the address it connected to.
    Inet { source: SocketAddr, destination: SocketAddr },
    /// UNIX socket paths (boxed: 216 bytes few headers carry).
    Unix { source: Box<UnixPath>, destination: Box<UnixPath> },
}

/// A v2 Type-Length-Value field, as sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tlv {
    /// `PP2_TYPE_*` (0x01 ALPN, 0x02 AUTHORITY, 0x03 CRC32C, 0x04 NOOP,
    /// 0x05 UNIQUE_ID, 0x20 SSL, 0x30 NETNS, 0xE0-0xEF custom...).
    pub kind: u8,
    /// Its value.
    pub value: Vec<u8>,
}

/// A parsed header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyHeader {
    /// 1 or 2.
    pub version: u8,
    pub command: Command,
    pub transport: Transport,
    pub addresses: Addresses,
    /// v2 TLVs in the order sent (none for v1, LOCAL, UNSPEC).
    pub tlvs: Vec<Tlv>,
}

impl ProxyHeader {
    /// The real client's address, when the header names one.
    pub fn source(&self) -> Option<SocketAddr> {
        match &self.addresses {
            Addresses::Inet { source, .. } => Some(*source),
            _ => None,
        }
    }

    /// The address the client connected to, when the header names one.
    pub fn destination(&self) -> Option<SocketAddr> {
        match &self.addresses {
            Addresses::Inet { destination, .. } => Some(*destination),
            _ => None,
        }
    }

    /// The first TLV of a type.
    pub fn tlv(&self, kind: u8) -> Option<&[u8]> {
        self.tlvs.iter().find(|t| t.kind == kind).map(|t| &t.value[..])
    }
}

/// What [`parse`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parse {
    /// A valid header may still come: read more.
    Incomplete,
    /// A header, taking the first `consumed` bytes.
    Done { header: ProxyHeader, consumed: usize },
    /// Never a header: close the connection.
    Invalid(&'static str),
}

/// Reads the PROXY header at the start of a connection's input.
pub fn parse(buf: &[u8], config: &ProxyConfig) -> Parse {
    let Some(&first) = buf.first() else { return Parse::Incomplete };
    match first {
        b'P' if config.versions.v1() => v1::parse(buf),
        b'\r' if config.versions.v2() => v2::parse(buf, config.max_header),
        b'P' => Parse::Invalid("PROXY protocol v1 is not accepted on this port"),
        b'\r' => Parse::Invalid("PROXY protocol v2 is not accepted on this port"),
        _ => Parse::Invalid("not a PROXY protocol header"),
    }
}

/// Whether `buf` could still be the start of `signature`.
fn prefix_matches(buf: &[u8], signature: &[u8]) -> bool {
    let n = buf.len().min(signature.len());
    buf[..n] == signature[..n]
}

#[cfg(test)]
mod tests;
