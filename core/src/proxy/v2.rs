//! Version 2: a 16-byte binary header (signature, version and command,
//! family and transport, length), the addresses, then TLVs.

use super::header::{prefix_matches, Addresses, Command, Parse, ProxyHeader, Tlv, Transport, UnixPath};
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};

/// The 12 bytes every v2 header starts with.
pub const SIGNATURE: [u8; 12] = *b"\r\n\r\n\0\r\nQUIT\n";

/// The fixed part: signature, version/command, family/transport, length.
pub const FIXED_LEN: usize = 16;

/// `PP2_TYPE_CRC32C`: a checksum of the whole header.
pub const TLV_CRC32C: u8 = 0x03;

/// Address block sizes (RFC-less, from the specification's struct).
const INET_LEN: usize = 12;
const INET6_LEN: usize = 36;
const UNIX_LEN: usize = 216;

/// Reads a v2 header at the start of `buf`; one longer than `max` bytes is
/// refused from its fixed part alone.
pub fn parse(buf: &[u8], max: usize) -> Parse {
    if !prefix_matches(buf, &SIGNATURE) {
        return Parse::Invalid("not a PROXY protocol v2 header");
    }
    if buf.len() < FIXED_LEN {
        return Parse::Incomplete;
    }
    if buf[12] >> 4 != 2 {
        return Parse::Invalid("PROXY v2 header with a version other than 2");
    }
    let command = match buf[12] & 0x0f {
        0 => Command::Local,
        1 => Command::Proxy,
        _ => return Parse::Invalid("PROXY v2 command is neither LOCAL nor PROXY"),
    };
    let transport = match buf[13] {
        0x00 => Transport::Unspec,
        0x11 | 0x21 | 0x31 => Transport::Stream,
        0x12 | 0x22 | 0x32 => Transport::Datagram,
        _ => return Parse::Invalid("PROXY v2 family or transport is not one the specification defines"),
    };
    let total = FIXED_LEN + u16::from_be_bytes([buf[14], buf[15]]) as usize;
    if total > max {
        return Parse::Invalid("PROXY v2 header longer than the limit");
    }
    if buf.len() < total {
        return Parse::Incomplete;
    }
    let header = &buf[..total];
    let block = &header[FIXED_LEN..];
    let mut out = ProxyHeader { version: 2, command, transport, addresses: Addresses::Unknown, tlvs: Vec::new() };
    if command == Command::Local {
        // "discard the protocol block including the family".
        out.transport = Transport::Unspec;
        return Parse::Done { header: out, consumed: total };
    }
    let family = buf[13] >> 4;
    let need = match family {
        1 => INET_LEN,
        2 => INET6_LEN,
        3 => UNIX_LEN,
        // UNSPEC: the receiver ignores the address information.
        _ => return Parse::Done { header: out, consumed: total },
    };
    if block.len() < need {
        return Parse::Invalid("PROXY v2 address block shorter than its family needs");
    }
    out.addresses = addresses(family, &block[..need]);
    match tlvs(&block[need..]) {
        Ok(tlvs) => out.tlvs = tlvs,
        Err(reason) => return Parse::Invalid(reason),
    }
    if let Some(crc) = out.tlv(TLV_CRC32C) {
        if crc.len() != 4 {
            return Parse::Invalid("PROXY v2 CRC32C TLV is not 4 bytes");
        }
        if u32::from_be_bytes(crc.try_into().expect("4 bytes")) != checksum(header, need) {
            return Parse::Invalid("PROXY v2 CRC32C does not match");
        }
    }
    Parse::Done { header: out, consumed: total }
}

fn addresses(family: u8, b: &[u8]) -> Addresses {
    let port = |at: usize| u16::from_be_bytes([b[at], b[at + 1]]);
    match family {
        1 => {
            let ip = |at: usize| Ipv4Addr::new(b[at], b[at + 1], b[at + 2], b[at + 3]);
            Addresses::Inet {
                source: SocketAddr::new(ip(0).into(), port(8)),
                destination: SocketAddr::new(ip(4).into(), port(10)),
            }
        }
        2 => {
            let ip = |at: usize| Ipv6Addr::from(<[u8; 16]>::try_from(&b[at..at + 16]).expect("16 bytes"));
            Addresses::Inet {
                source: SocketAddr::new(ip(0).into(), port(32)),
                destination: SocketAddr::new(ip(16).into(), port(34)),
            }
        }
        _ => Addresses::Unix {
            source: Box::new(UnixPath(b[..108].try_into().expect("108 bytes"))),
            destination: Box::new(UnixPath(b[108..216].try_into().expect("108 bytes"))),
        },
    }
}

/// The TLVs filling the rest of the block, each wholly inside it.
fn tlvs(mut b: &[u8]) -> Result<Vec<Tlv>, &'static str> {
    let mut out = Vec::new();
    while !b.is_empty() {
        if b.len() < 3 {
            return Err("PROXY v2 TLV cut short");
        }
        let len = u16::from_be_bytes([b[1], b[2]]) as usize;
        let Some(value) = b.get(3..3 + len) else {
            return Err("PROXY v2 TLV runs past the header");
        };
        out.push(Tlv { kind: b[0], value: value.to_vec() });
        b = &b[3 + len..];
    }
    Ok(out)
}

/// The header's CRC32C, computed with the value of every CRC32C TLV
/// counted as zeros.
fn checksum(header: &[u8], address_len: usize) -> u32 {
    let mut copy = header.to_vec();
    let mut at = FIXED_LEN + address_len;
    while at + 3 <= copy.len() {
        let len = u16::from_be_bytes([copy[at + 1], copy[at + 2]]) as usize;
        if copy[at] == TLV_CRC32C {
            copy[at + 3..at + 3 + len].fill(0);
        }
        at += 3 + len;
    }
    let mut crc = Crc32c::new();
    crc.update(&copy);
    crc.finish()
}

/// CRC-32C (Castagnoli), reflected, as the specification asks.
pub struct Crc32c(u32);

const CRC32C_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { (c >> 1) ^ 0x82f6_3b78 } else { c >> 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

impl Crc32c {
    pub fn new() -> Crc32c {
        Crc32c(!0)
    }

    pub fn update(&mut self, data: &[u8]) {
        for &b in data {
            self.0 = CRC32C_TABLE[((self.0 ^ b as u32) & 0xff) as usize] ^ (self.0 >> 8);
        }
    }

    pub fn finish(&self) -> u32 {
        !self.0
    }
}

impl Default for Crc32c {
    fn default() -> Self {
        Crc32c::new()
    }
}
