//! What a PROXY header says (command, transport, addresses, TLVs) and what
//! reading one found ([`Parse`]): the vocabulary `v1.rs`, `v2.rs` and
//! `stage.rs` share.

use std::net::SocketAddr;

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

/// Whether `buf` could still be the start of `signature`.
pub(super) fn prefix_matches(buf: &[u8], signature: &[u8]) -> bool {
    let n = buf.len().min(signature.len());
    buf[..n] == signature[..n]
}
