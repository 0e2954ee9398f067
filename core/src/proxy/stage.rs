//! The PROXY header as the first stage of an accepted connection: a port
//! with `open_proxy_protocol` admits the peer (`proxy_protocol_trusted`),
//! then holds the connection in [`Awaiting`] until the header arrived (or
//! was refused, or `proxy_protocol_timeout` passed). Only then does the
//! connection exist for the application: onConnect runs, and the bytes
//! after the header go to framing and onReceive. Any later stage (TLS)
//! starts with what [`Step::Arrived`] leaves over.

use super::config::ProxyConfig;
use super::header::{Addresses, Command, Parse, ProxyHeader};
use super::parse;
use super::trusted::TrustedSources;
use crate::session::SessionId;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

/// How one port reads PROXY headers (from its settings).
#[derive(Debug, Clone, PartialEq)]
pub struct PortProxy {
    /// The versions accepted and the longest header.
    pub config: ProxyConfig,
    /// `proxy_protocol_timeout`: how long the whole header may take.
    pub timeout: Duration,
    /// `proxy_protocol_trusted`: the peers allowed to send one (`None`:
    /// every peer).
    pub trusted: Option<TrustedSources>,
}

impl PortProxy {
    /// Whether `peer` (the socket's own peer; `None` for a Unix socket,
    /// which is local and trusted) may open a connection on this port.
    pub fn admits(&self, peer: Option<SocketAddr>) -> bool {
        match (&self.trusted, peer) {
            (Some(t), Some(p)) => t.allows(p.ip()),
            _ => true,
        }
    }
}

/// A connection whose header has not arrived yet.
#[derive(Debug)]
pub struct Awaiting {
    /// The bytes read so far (never more than one header and one read).
    buf: Vec<u8>,
    /// When the connection is closed if the header is still incomplete.
    pub deadline: Instant,
}

/// What one read did to an [`Awaiting`] connection.
#[derive(Debug, PartialEq)]
pub enum Step {
    /// Still a valid beginning: read more.
    Pending,
    /// The header, and the bytes that followed it in the same read(s).
    Arrived { header: ProxyHeader, rest: Vec<u8> },
    /// Never a header: close the connection.
    Refused(&'static str),
}

impl Awaiting {
    pub fn new(timeout: Duration) -> Awaiting {
        Awaiting { buf: Vec::new(), deadline: Instant::now() + timeout }
    }

    /// Takes the bytes of one read.
    pub fn feed(&mut self, bytes: &[u8], config: &ProxyConfig) -> Step {
        self.buf.extend_from_slice(bytes);
        match parse(&self.buf, config) {
            Parse::Incomplete => Step::Pending,
            Parse::Done { header, consumed } => {
                let rest = self.buf.split_off(consumed);
                Step::Arrived { header, rest }
            }
            Parse::Invalid(reason) => Step::Refused(reason),
        }
    }
}

/// The endpoints a connection reports once its header arrived: the real
/// client, and the balancer's address (what the socket's peer is) when the
/// header named another; a LOCAL or UNKNOWN header keeps the socket's own.
pub fn real_peer(header: &ProxyHeader, socket_peer: Option<SocketAddr>) -> Option<(SocketAddr, Option<SocketAddr>)> {
    match (&header.command, &header.addresses) {
        (Command::Proxy, Addresses::Inet { source, .. }) => Some((*source, socket_peer)),
        _ => None,
    }
}

/// The connections of one reactor that wait for a header, in accept order,
/// for `proxy_protocol_timeout`.
#[derive(Debug, Default)]
pub struct Deadlines {
    /// (deadline, slab key, session): an entry whose key no longer holds
    /// that session waiting is stale and skipped.
    entries: Vec<(Instant, usize, SessionId)>,
}

impl Deadlines {
    pub fn push(&mut self, deadline: Instant, key: usize, session: SessionId) {
        self.entries.push((deadline, key, session));
    }

    /// Removes and returns the entries due at `now` (or whose connection
    /// `still_waiting` says is no longer waiting, dropped silently), and the
    /// time until the next one.
    pub fn take_due(&mut self, now: Instant, still_waiting: impl Fn(usize, SessionId) -> bool)
        -> (Vec<(usize, SessionId)>, Option<Duration>) {
        let mut due = Vec::new();
        self.entries.retain(|&(at, key, session)| {
            if !still_waiting(key, session) {
                return false;
            }
            if at <= now {
                due.push((key, session));
                return false;
            }
            true
        });
        let next = self.entries.iter().map(|e| e.0).min().map(|at| at.saturating_duration_since(now));
        (due, next)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proxy::config::Versions;

    fn any() -> ProxyConfig {
        ProxyConfig::new(Versions::Any)
    }

    #[test]
    fn header_split_across_reads_keeps_the_rest() {
        let mut a = Awaiting::new(Duration::from_secs(3));
        assert_eq!(a.feed(b"PROXY TCP4 192.0.2.1 ", &any()), Step::Pending);
        assert_eq!(a.feed(b"198.51.100.7 5", &any()), Step::Pending);
        match a.feed(b"6324 443\r\nhello", &any()) {
            Step::Arrived { header, rest } => {
                assert_eq!(rest, b"hello");
                let (real, via) = real_peer(&header, Some("10.0.0.1:999".parse().unwrap())).unwrap();
                assert_eq!(real, "192.0.2.1:56324".parse().unwrap());
                assert_eq!(via, Some("10.0.0.1:999".parse().unwrap()));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn garbage_is_refused_and_local_keeps_the_socket_peer() {
        let mut a = Awaiting::new(Duration::from_secs(3));
        assert!(matches!(a.feed(b"GET / HTTP/1.1\r\n", &any()), Step::Refused(_)));
        let mut a = Awaiting::new(Duration::from_secs(3));
        match a.feed(b"PROXY UNKNOWN\r\n", &any()) {
            Step::Arrived { header, rest } => {
                assert!(rest.is_empty());
                assert_eq!(real_peer(&header, None), None);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn trusted_sources_admit_only_their_ranges() {
        let mut p = PortProxy { config: any(), timeout: Duration::from_secs(1), trusted: None };
        assert!(p.admits(Some("203.0.113.9:1".parse().unwrap())));
        p.trusted = Some(TrustedSources::parse(["10.0.0.0/8"]).unwrap());
        assert!(p.admits(Some("10.2.3.4:1".parse().unwrap())));
        assert!(!p.admits(Some("203.0.113.9:1".parse().unwrap())));
        assert!(p.admits(None), "a Unix socket's peer is local");
    }

    #[test]
    fn deadlines_fire_in_time_and_forget_settled_connections() {
        let mut d = Deadlines::default();
        let t0 = Instant::now();
        d.push(t0, 1, SessionId(1));
        d.push(t0 + Duration::from_secs(5), 2, SessionId(2));
        d.push(t0, 3, SessionId(3));
        let (due, next) = d.take_due(t0, |key, _| key != 3);
        assert_eq!(due, vec![(1, SessionId(1))]);
        assert_eq!(next, Some(Duration::from_secs(5)));
        let (due, next) = d.take_due(t0, |_, _| false);
        assert!(due.is_empty() && next.is_none() && d.is_empty());
    }
}
