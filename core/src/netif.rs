//! This host's network interfaces: `swoole_get_local_ip()` and
//! `swoole_get_local_mac()`.

use std::net::{Ipv4Addr, Ipv6Addr};

/// One entry of `getifaddrs()`, copied out.
struct Entry {
    /// The interface's name ("eth0").
    name: String,
    /// Its IFF_* flags (loopback is left out).
    flags: u32,
    /// The address family: AF_INET, AF_INET6 or AF_PACKET.
    family: i32,
    /// The address bytes: 4 (IPv4), 16 (IPv6) or the link-layer address.
    addr: Vec<u8>,
}

/// Every interface address, in the kernel's order.
fn entries() -> std::io::Result<Vec<Entry>> {
    let mut out = Vec::new();
    for ifa in nix::ifaddrs::getifaddrs()? {
        let Some(sa) = ifa.address else { continue };
        let (family, addr) = if let Some(sin) = sa.as_sockaddr_in() {
            (libc::AF_INET, sin.ip().octets().to_vec())
        } else if let Some(sin6) = sa.as_sockaddr_in6() {
            (libc::AF_INET6, sin6.ip().octets().to_vec())
        } else if let Some(link) = sa.as_link_addr() {
            let mac = link.addr().unwrap_or_default();
            (libc::AF_PACKET, mac[..link.halen().min(mac.len())].to_vec())
        } else {
            continue;
        };
        out.push(Entry { name: ifa.interface_name, flags: ifa.flags.bits() as u32, family, addr });
    }
    Ok(out)
}

/// Interface name → address of `family` (AF_INET or AF_INET6), loopback
/// left out; an interface with several addresses gives its last one.
pub fn local_ips(family: i32) -> std::io::Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = Vec::new();
    for e in entries()? {
        if e.family != family || e.flags & libc::IFF_LOOPBACK as u32 != 0 {
            continue;
        }
        let ip = match e.addr.len() {
            4 => Ipv4Addr::from(<[u8; 4]>::try_from(&e.addr[..]).unwrap_or_default()).to_string(),
            16 => Ipv6Addr::from(<[u8; 16]>::try_from(&e.addr[..]).unwrap_or_default()).to_string(),
            _ => continue,
        };
        match out.iter_mut().find(|(name, _)| *name == e.name) {
            Some(slot) => slot.1 = ip,
            None => out.push((e.name, ip)),
        }
    }
    Ok(out)
}

/// Interface name → MAC address (`02:FC:00:00:00:01`), for the interfaces
/// that have an IPv4 address, loopback left out (as Swoole's SIOCGIFCONF walk).
pub fn local_macs() -> std::io::Result<Vec<(String, String)>> {
    let all = entries()?;
    let mut out: Vec<(String, String)> = Vec::new();
    for e in all.iter().filter(|e| e.family == libc::AF_INET && e.flags & libc::IFF_LOOPBACK as u32 == 0) {
        if out.iter().any(|(name, _)| *name == e.name) {
            continue;
        }
        let Some(link) = all.iter().find(|l| l.family == libc::AF_PACKET && l.name == e.name) else { continue };
        let mut mac = [0u8; 6];
        for (dst, src) in mac.iter_mut().zip(&link.addr) {
            *dst = *src;
        }
        let text = mac.iter().map(|b| format!("{b:02X}")).collect::<Vec<_>>().join(":");
        out.push((e.name.clone(), text));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_is_left_out() {
        assert!(local_ips(libc::AF_INET).unwrap().iter().all(|(_, ip)| ip != "127.0.0.1"));
        assert!(local_ips(999).unwrap().is_empty());
        for (_, mac) in local_macs().unwrap() {
            assert_eq!(mac.len(), 17, "{mac}");
        }
    }
}
