//! `proxy_protocol_trusted`: the addresses and CIDR ranges allowed to send a
//! PROXY header. An IPv4 peer reached over an IPv6 socket (`::ffff:a.b.c.d`)
//! is matched as the IPv4 address it is, by IPv4 ranges and by IPv6 ranges
//! that cover the v4-mapped block alike.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

/// An address range: an address with the bits of its prefix that count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    /// The network address, host bits cleared; IPv4 for a v4-mapped range
    /// of /96 or longer.
    net: IpAddr,
    /// Leading bits that must match (0-32 or 0-128).
    prefix: u8,
}

/// Why an entry of the list is not an address or range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CidrError(pub String);

impl fmt::Display for CidrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' is not an IP address or a CIDR range", self.0)
    }
}

impl std::error::Error for CidrError {}

/// An IPv4 address as itself when it came v4-mapped in IPv6.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

fn masked(ip: IpAddr, prefix: u8) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => {
            let mask = u32::MAX.checked_shl(32 - prefix as u32).unwrap_or(0);
            IpAddr::V4((u32::from(v4) & mask).into())
        }
        IpAddr::V6(v6) => {
            let mask = u128::MAX.checked_shl(128 - prefix as u32).unwrap_or(0);
            IpAddr::V6((u128::from(v6) & mask).into())
        }
    }
}

impl Cidr {
    /// The range of `ip` with `prefix` leading bits.
    pub fn new(ip: IpAddr, prefix: u8) -> Option<Cidr> {
        let max = if ip.is_ipv4() { 32 } else { 128 };
        if prefix > max {
            return None;
        }
        let (ip, prefix) = match ip {
            IpAddr::V6(v6) if prefix >= 96 && v6.to_ipv4_mapped().is_some() => (canonical(ip), prefix - 96),
            _ => (ip, prefix),
        };
        Some(Cidr { net: masked(ip, prefix), prefix })
    }

    /// Whether `ip` (already canonical) is in the range.
    fn holds(&self, ip: IpAddr) -> bool {
        ip.is_ipv4() == self.net.is_ipv4() && masked(ip, self.prefix) == self.net
    }

    /// Whether the range holds `ip`, v4-mapped addresses taken as IPv4.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        match ip {
            IpAddr::V4(v4) if self.net.is_ipv6() => self.holds(IpAddr::V6(v4.to_ipv6_mapped())),
            _ => self.holds(ip),
        }
    }
}

impl FromStr for Cidr {
    type Err = CidrError;

    /// `192.0.2.7`, `10.0.0.0/8`, `2001:db8::/32`, `::ffff:10.0.0.0/104`;
    /// host bits after the prefix are ignored.
    fn from_str(s: &str) -> Result<Cidr, CidrError> {
        let err = || CidrError(s.to_string());
        let t = s.trim();
        let (addr, prefix) = match t.split_once('/') {
            Some((a, p)) => {
                if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(err());
                }
                (a, Some(p.parse::<u8>().map_err(|_| err())?))
            }
            None => (t, None),
        };
        let ip = IpAddr::from_str(addr).map_err(|_| err())?;
        let prefix = prefix.unwrap_or(if ip.is_ipv4() { 32 } else { 128 });
        Cidr::new(ip, prefix).ok_or_else(err)
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.net, self.prefix)
    }
}

/// The peers allowed to send a PROXY header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedSources {
    /// The ranges; an empty list trusts no one (leave the setting unset to
    /// trust every peer).
    ranges: Vec<Cidr>,
}

impl TrustedSources {
    /// Reads the list; the first entry that is not an address or a range is
    /// the error.
    pub fn parse<I, S>(items: I) -> Result<TrustedSources, CidrError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let ranges = items.into_iter().map(|s| s.as_ref().parse()).collect::<Result<_, _>>()?;
        Ok(TrustedSources { ranges })
    }

    /// Whether `peer` may send a header.
    pub fn allows(&self, peer: IpAddr) -> bool {
        self.ranges.iter().any(|r| r.contains(peer))
    }

    pub fn ranges(&self) -> &[Cidr] {
        &self.ranges
    }
}
